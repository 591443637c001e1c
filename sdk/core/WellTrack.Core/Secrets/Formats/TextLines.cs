namespace WellTrack.Core.Secrets.Formats;

/// <summary>The lines of a text as offsets, without their line breaks: parsers keep offsets, not copies.</summary>
internal static class TextLines
{
    public static IEnumerable<(int Start, int End)> Of(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            yield return (start, end > start && text[end - 1] == '\r' ? end - 1 : end);
            if (newline < 0)
            {
                yield break;
            }

            start = newline + 1;
        }
    }

    /// <summary>The first index at or after <paramref name="at"/> that is not a space or tab (at most <paramref name="end"/>).</summary>
    public static int SkipBlanks(string text, int at, int end)
    {
        while (at < end && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }
}
