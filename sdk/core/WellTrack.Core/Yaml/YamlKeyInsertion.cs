using System.Text;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Builds the text that adds a missing key (and any missing parent mappings) to the deepest mapping that exists,
/// written the way the file is written: in a block mapping a new line after its last entry with the siblings'
/// indentation and the file's line break; in a flow mapping <c>, key: value</c> after its last entry.
/// </summary>
internal static class YamlKeyInsertion
{
    private const int DefaultIndentStep = 2;

    public static TextEdit Build(YamlSourceDocument document, MissingKeyTarget target, string value)
    {
        var missing = target.MissingSegments.ToList();
        return target.Parent.IsFlow
            ? IntoFlowMapping(document, target.Parent, missing, value)
            : IntoBlockMapping(document, target, missing, value);
    }

    private static TextEdit IntoFlowMapping(YamlSourceDocument document, YamlSourceMapping mapping, List<string> missing, string value)
    {
        // {a: {b: value}} nests the missing mappings inline, as the surrounding flow style does.
        var text = new StringBuilder();
        foreach (var segment in missing.SkipLast(1))
        {
            text.Append(YamlScalarWriter.WriteNew(segment, inFlowCollection: true)).Append(": {");
        }

        text.Append(YamlScalarWriter.WriteNew(missing[^1], inFlowCollection: true))
            .Append(": ")
            .Append(YamlScalarWriter.WriteNew(value, inFlowCollection: true))
            .Append('}', missing.Count - 1);

        if (mapping.Entries.Count == 0)
        {
            // The closing brace of "{}" is the mapping's last character.
            var closingBrace = mapping.EndIndex - 1;
            return new TextEdit(closingBrace, closingBrace, text.ToString());
        }

        var afterLastEntry = EndOfContent(document, mapping.Entries[^1]);
        return new TextEdit(afterLastEntry, afterLastEntry, ", " + text);
    }

    private static TextEdit IntoBlockMapping(YamlSourceDocument document, MissingKeyTarget target, List<string> missing, string value)
    {
        var source = document.Source;
        var mapping = target.Parent;
        var indent = mapping.Entries[0].Key.Column - 1;
        var step = IndentStep(document.Root, target.ParentKey, mapping);

        // After the end of the line holding the last entry's last character, so a comment there stays on its line.
        var lastLineEnd = source.Text.IndexOfAny(['\r', '\n'], EndOfContent(document, mapping.Entries[^1]));
        var insertAt = lastLineEnd < 0 ? source.Text.Length : lastLineEnd;
        var lineBreak = source.LineBreakNear(insertAt);

        var text = new StringBuilder();
        for (var i = 0; i < missing.Count; i++)
        {
            text.Append(lineBreak)
                .Append(' ', indent + (i * step))
                .Append(YamlScalarWriter.WriteNew(missing[i], inFlowCollection: false))
                .Append(':');
        }

        text.Append(' ').Append(YamlScalarWriter.WriteNew(value, inFlowCollection: false));
        return new TextEdit(insertAt, insertAt, text.ToString());
    }

    /// <summary>
    /// The offset just after the last character of an entry. Block collections and block scalars report an end at
    /// the next token (after blank lines and comments), so this walks to the last scalar and skips back over
    /// whitespace; an empty value ends at its key.
    /// </summary>
    private static int EndOfContent(YamlSourceDocument document, YamlSourceEntry entry)
    {
        var last = entry.Value;
        while (true)
        {
            switch (last)
            {
                case YamlSourceMapping { IsFlow: false, Entries.Count: > 0 } mapping:
                    last = mapping.Entries[^1].Value;
                    continue;
                case YamlSourceSequence { IsFlow: false, Items.Count: > 0 } sequence:
                    last = sequence.Items[^1];
                    continue;
            }

            break;
        }

        var text = document.Source.Text;
        var end = last.EndIndex;
        while (end > entry.Key.EndIndex && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return Math.Max(end, entry.Key.EndIndex);
    }

    /// <summary>
    /// How far the file indents a nested mapping: from this mapping and the key holding it when it is nested,
    /// else from the first nested block mapping in the document, else two spaces.
    /// </summary>
    private static int IndentStep(YamlSourceNode? root, YamlSourceNode? parentKey, YamlSourceMapping mapping)
    {
        if (parentKey is not null && mapping.Entries[0].Key.Column > parentKey.Column)
        {
            return mapping.Entries[0].Key.Column - parentKey.Column;
        }

        return FirstNestedStep(root) ?? DefaultIndentStep;
    }

    private static int? FirstNestedStep(YamlSourceNode? node)
    {
        if (node is not YamlSourceMapping { IsFlow: false } mapping)
        {
            return null;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlSourceMapping { IsFlow: false, Entries.Count: > 0 } child
                && child.Entries[0].Key.Column > entry.Key.Column)
            {
                return child.Entries[0].Key.Column - entry.Key.Column;
            }

            if (FirstNestedStep(entry.Value) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
