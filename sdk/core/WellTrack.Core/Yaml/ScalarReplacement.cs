namespace WellTrack.Core.Yaml;

/// <summary>The text change that gives an existing scalar a new value, in the style it already has.</summary>
internal static class ScalarReplacement
{
    public static TextEdit For(string text, ExistingScalarTarget target, string value)
    {
        var scalar = target.Scalar;
        var written = YamlScalarWriter.Write(value, scalar.Style, target.Parent.IsFlow);
        return scalar.StartIndex == scalar.EndIndex
            ? new TextEdit(scalar.StartIndex, scalar.StartIndex, SeparatorBeforeEmptyValue(text, scalar.StartIndex) + written)
            : new TextEdit(scalar.StartIndex, scalar.EndIndex, written);
    }

    /// <summary>
    /// An empty value (<c>tag:</c>) has no characters to replace; the parser places it right after the colon in a
    /// block mapping, at the next indicator in a flow one, or after the key when there is no colon (<c>{tag}</c>).
    /// Writing <c>tag:v1</c> would make one plain scalar of the key and value, so a space, or ": ", goes first.
    /// </summary>
    private static string SeparatorBeforeEmptyValue(string text, int position)
    {
        var previous = position - 1;
        while (previous >= 0 && text[previous] is ' ' or '\t')
        {
            previous--;
        }

        if (previous < 0 || text[previous] != ':')
        {
            return ": ";
        }

        return previous == position - 1 ? " " : string.Empty;
    }
}
