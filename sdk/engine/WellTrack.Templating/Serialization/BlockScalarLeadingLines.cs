using System.Text;

namespace WellTrack.Templating.Serialization;

/// <summary>
/// Makes YamlDotNet read block scalars as libyaml (go-yaml v2, hence Helm) does. With auto-detected indentation,
/// libyaml lets the blank lines before a block scalar's first content line carry any number of spaces: the longest
/// of them and the content line's indentation together set the scalar's indentation. YamlDotNet follows YAML 1.2
/// there and rejects such lines ("found extra spaces in first line", "found more spaces in lines above first content
/// line"), which failed `| nindent`-style templates that Helm renders (and rendered manifests the API server reads). The text is rewritten so that YamlDotNet reads
/// what libyaml reads, keeping every line's number:
/// - when no such line is longer than the content line's indentation, which then decides alone, they are emptied;
/// - otherwise libyaml takes the longest as the indentation (the content line, less indented, ends the scalar and
///   usually fails its parent), and the header gets that indentation as an explicit indicator.
/// </summary>
public static class BlockScalarLeadingLines
{
    public static string Normalize(string text)
    {
        if (text.IndexOfAny(['|', '>']) < 0 || !HasBlankLineWithSpaces(text))
        {
            return text;
        }

        var lines = SplitLines(text);
        var edits = new List<(int Position, int Length, string Replacement)>();
        var i = 0;
        while (i < lines.Count)
        {
            var header = Line(text, lines[i]);
            var indicator = AutoIndentedIndicator(header);
            if (indicator < 0)
            {
                i++;
                continue;
            }

            // The blank lines after the header, then the first line with content.
            var j = i + 1;
            var longestBlank = 0;
            var tabbed = false;
            while (j < lines.Count && SpacesOnly(Line(text, lines[j]), out var hasTab))
            {
                tabbed |= hasTab;
                longestBlank = Math.Max(longestBlank, lines[j].Length);
                j++;
            }

            if (j == lines.Count || tabbed)
            {
                i = j;
                continue;
            }

            var contentColumn = Indentation(Line(text, lines[j]));
            if (longestBlank > 0 && longestBlank <= contentColumn)
            {
                for (var k = i + 1; k < j; k++)
                {
                    edits.Add((lines[k].Start, lines[k].Length, string.Empty));
                }
            }
            else if (longestBlank > contentColumn && ParentIndentation(header, indicator) is { } parent
                && longestBlank - parent is >= 1 and <= 9 and var increment)
            {
                // libyaml's scalar holds only line breaks and ends at the content line: an explicit indentation
                // stops YamlDotNet there too, and emptied blank lines pass its checks for both | and >.
                edits.Add((lines[i].Start + indicator + 1, 0, increment.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                for (var k = i + 1; k < j; k++)
                {
                    edits.Add((lines[k].Start, lines[k].Length, string.Empty));
                }
            }

            // Skip the scalar's body (a superset of it when the parent's indentation ends it sooner): text there is
            // content, never a header, and its blank lines' spaces are content too.
            var bodyIndentation = Math.Max(contentColumn, longestBlank);
            i = j;
            while (i < lines.Count && (SpacesOnly(Line(text, lines[i]), out _) || Indentation(Line(text, lines[i])) >= bodyIndentation))
            {
                i++;
            }
        }

        if (edits.Count == 0)
        {
            return text;
        }

        var rewritten = new StringBuilder(text.Length + edits.Count);
        var position = 0;
        foreach (var (at, length, replacement) in edits)
        {
            rewritten.Append(text, position, at - position).Append(replacement);
            position = at + length;
        }

        return rewritten.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Whether any line is spaces only (at least one): without one there is nothing to rewrite.</summary>
    private static bool HasBlankLineWithSpaces(string text)
    {
        for (var i = text.IndexOf("\n ", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\n ", i + 1, StringComparison.Ordinal))
        {
            var end = i + 1;
            while (end < text.Length && text[end] == ' ')
            {
                end++;
            }

            if (end == text.Length || text[end] is '\n' or '\r' or '\t')
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Line(string text, (int Start, int Length) line) => text.AsSpan(line.Start, line.Length);

    /// <summary>Each line's start and length without its line break (a \r before \n belongs to the break).</summary>
    private static List<(int Start, int Length)> SplitLines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add((start, text.Length - start));
                break;
            }

            var length = end - start;
            if (length > 0 && text[end - 1] == '\r')
            {
                length--;
            }

            lines.Add((start, length));
            start = end + 1;
        }

        return lines;
    }

    private static bool SpacesOnly(ReadOnlySpan<char> line, out bool hasTab)
    {
        hasTab = line.Contains('\t');
        return line.TrimStart(" \t").IsEmpty;
    }

    private static int Indentation(ReadOnlySpan<char> line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>
    /// Where a line's block scalar indicator without an indentation digit is (<c>key: |</c>, <c>- &gt;-</c>,
    /// <c>key: !!str |+  # note</c>), or -1: the indicator is a token of its own after a key, a sequence entry, a
    /// property, a document start or nothing.
    /// </summary>
    private static int AutoIndentedIndicator(ReadOnlySpan<char> line)
    {
        var comment = line.IndexOf(" #", StringComparison.Ordinal);
        var code = (comment >= 0 ? line[..comment] : line).TrimEnd(" \t");
        var tokenStart = code.LastIndexOfAny(' ', '\t') + 1;
        var token = code[tokenStart..];
        if (token.Length is 0 or > 2 || token[0] is not ('|' or '>') || (token.Length == 2 && token[1] is not ('+' or '-')))
        {
            return -1;
        }

        var before = code[..tokenStart].TrimEnd(" \t");
        if (before.IsEmpty || before.EndsWith(":") || before.EndsWith("-") || before.EndsWith("?"))
        {
            return before.Count('"') % 2 == 0 && before.Count('\'') % 2 == 0 ? tokenStart : -1;
        }

        var property = before[(before.LastIndexOfAny(' ', '\t') + 1)..];
        return property.Length > 0 && property[0] is '!' or '&' ? tokenStart : -1;
    }

    /// <summary>
    /// libyaml's indentation of the collection holding the scalar: the key's column for <c>key: |</c>, the dash's
    /// for <c>- |</c>, -1 for a document's own scalar; null when the line does not tell (a flow or complex key, or
    /// an indicator alone on its line).
    /// </summary>
    private static int? ParentIndentation(ReadOnlySpan<char> header, int indicator)
    {
        var column = Indentation(header);
        var dash = -1;
        while (column + 1 < header.Length && header[column] == '-' && header[column + 1] is ' ' or '\t')
        {
            dash = column;
            column++;
            while (column < header.Length && header[column] is ' ' or '\t')
            {
                column++;
            }
        }

        var node = header[column..indicator];
        if (node.IsEmpty || node[0] is '!' or '&')
        {
            return dash >= 0 ? dash : null;
        }

        if (node.StartsWith("---"))
        {
            return -1;
        }

        return node.IndexOfAny("{[?\"'") >= 0 ? null : column;
    }
}
