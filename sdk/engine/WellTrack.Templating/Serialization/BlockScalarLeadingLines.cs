using System.Text;

namespace WellTrack.Templating.Serialization;

/// <summary>
/// Makes YamlDotNet read block scalars as libyaml (go-yaml v2, hence Helm) does. With auto-detected indentation,
/// libyaml lets the blank lines before a block scalar's first content line carry any number of spaces: they only
/// count toward the detected indentation. YamlDotNet follows YAML 1.2 there and rejects them ("found extra spaces in
/// first line", "found more spaces in lines above first content line"), which fails `| nindent`-style templates that
/// Helm renders. Such lines are emptied when that cannot change libyaml's reading: when none is longer than the
/// indentation of the content line after them, which then decides the indentation alone. Lines keep their numbers.
/// </summary>
internal static class BlockScalarLeadingLines
{
    public static string Normalize(string text)
    {
        if (text.IndexOfAny(['|', '>']) < 0)
        {
            return text;
        }

        var lines = SplitLines(text);
        StringBuilder? rewritten = null;
        var emptied = new bool[lines.Count];
        var i = 0;
        while (i < lines.Count)
        {
            if (!IsAutoIndentedBlockScalarHeader(text.AsSpan(lines[i].Start, lines[i].Length)))
            {
                i++;
                continue;
            }

            // The blank lines after the header, then the first line with content (its column decides the indentation).
            var j = i + 1;
            var longestBlank = 0;
            var tabbed = false;
            while (j < lines.Count && SpacesOnly(text.AsSpan(lines[j].Start, lines[j].Length), out var hasTab))
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

            var contentColumn = Indentation(text.AsSpan(lines[j].Start, lines[j].Length));
            if (longestBlank > 0 && longestBlank <= contentColumn)
            {
                for (var k = i + 1; k < j; k++)
                {
                    emptied[k] = lines[k].Length > 0;
                }

                rewritten ??= new StringBuilder(text.Length);
            }

            // Skip the scalar's body (a superset of it when the parent's indentation ends it sooner): text there is
            // content, never a header, and its blank lines' spaces are content too.
            i = j;
            while (i < lines.Count && (SpacesOnly(text.AsSpan(lines[i].Start, lines[i].Length), out _) || Indentation(text.AsSpan(lines[i].Start, lines[i].Length)) >= contentColumn))
            {
                i++;
            }
        }

        if (rewritten is null)
        {
            return text;
        }

        var position = 0;
        for (var k = 0; k < lines.Count; k++)
        {
            if (emptied[k])
            {
                rewritten.Append(text, position, lines[k].Start - position);
                position = lines[k].Start + lines[k].Length;
            }
        }

        return rewritten.Append(text, position, text.Length - position).ToString();
    }

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
    /// A line ending in a block scalar indicator without an indentation digit (<c>key: |</c>, <c>- &gt;-</c>,
    /// <c>key: !!str |+  # note</c>): the indicator is a token of its own after a key, a sequence entry, a property,
    /// a document start or nothing.
    /// </summary>
    private static bool IsAutoIndentedBlockScalarHeader(ReadOnlySpan<char> line)
    {
        var comment = line.IndexOf(" #", StringComparison.Ordinal);
        var code = (comment >= 0 ? line[..comment] : line).TrimEnd(" \t");
        var tokenStart = code.LastIndexOfAny(' ', '\t') + 1;
        var token = code[tokenStart..];
        if (token.Length is 0 or > 2 || token[0] is not ('|' or '>') || (token.Length == 2 && token[1] is not ('+' or '-')))
        {
            return false;
        }

        var before = code[..tokenStart].TrimEnd(" \t");
        if (before.IsEmpty || before.EndsWith(":") || before.EndsWith("-") || before.EndsWith("?"))
        {
            return before.Count('"') % 2 == 0 && before.Count('\'') % 2 == 0;
        }

        var property = before[(before.LastIndexOfAny(' ', '\t') + 1)..];
        return property.Length > 0 && property[0] is '!' or '&';
    }
}
