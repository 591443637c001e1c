using System.Text;

namespace WellTrack.Core.Text;

/// <summary>
/// Unified diff of two texts, as <c>git diff</c> prints it, for dry runs and bump summaries. Computed in memory so a
/// dry run needs no write to show what a bump would do.
/// </summary>
public static class UnifiedDiff
{
    public static string Create(string path, string oldText, string newText, int context = 3)
    {
        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        var operations = LineDiff.Compute(oldLines, newLines);
        if (operations.All(op => op.Kind == LineDiff.Kind.Same))
        {
            return string.Empty;
        }

        var output = new StringBuilder();
        output.Append("--- a/").Append(path).Append('\n');
        output.Append("+++ b/").Append(path).Append('\n');
        foreach (var hunk in Hunks(operations, context))
        {
            AppendHunk(output, operations, hunk, oldLines, newLines);
        }

        return output.ToString();
    }

    private static void AppendHunk(StringBuilder output, List<LineDiff.Operation> operations, Range hunk, List<string> oldLines, List<string> newLines)
    {
        var (start, end) = (hunk.Start.Value, hunk.End.Value);
        var first = operations[start];
        var oldCount = 0;
        var newCount = 0;
        for (var i = start; i < end; i++)
        {
            oldCount += operations[i].Kind != LineDiff.Kind.Added ? 1 : 0;
            newCount += operations[i].Kind != LineDiff.Kind.Removed ? 1 : 0;
        }

        output.Append("@@ -").Append(RangeText(first.OldIndex, oldCount))
            .Append(" +").Append(RangeText(first.NewIndex, newCount)).Append(" @@\n");
        for (var i = start; i < end; i++)
        {
            var op = operations[i];
            var (prefix, line) = op.Kind switch
            {
                LineDiff.Kind.Removed => ('-', oldLines[op.OldIndex]),
                LineDiff.Kind.Added => ('+', newLines[op.NewIndex]),
                _ => (' ', oldLines[op.OldIndex]),
            };
            output.Append(prefix).Append(line.TrimEnd('\n', '\r')).Append('\n');
            if (!line.EndsWith('\n'))
            {
                output.Append("\\ No newline at end of file\n");
            }
        }
    }

    // git prints "start,count", with start the 1-based first line (or the line before an empty range).
    private static string RangeText(int zeroBasedStart, int count)
        => count == 0 ? $"{zeroBasedStart},0" : count == 1 ? $"{zeroBasedStart + 1}" : $"{zeroBasedStart + 1},{count}";

    private static IEnumerable<Range> Hunks(List<LineDiff.Operation> operations, int context)
    {
        var index = 0;
        while (index < operations.Count)
        {
            while (index < operations.Count && operations[index].Kind == LineDiff.Kind.Same)
            {
                index++;
            }

            if (index == operations.Count)
            {
                yield break;
            }

            var start = Math.Max(0, index - context);
            var end = index;
            // Extend while the next change is within two contexts of the last one, as git merges close hunks.
            while (end < operations.Count)
            {
                if (operations[end].Kind != LineDiff.Kind.Same)
                {
                    end++;
                    continue;
                }

                var nextChange = end;
                while (nextChange < operations.Count && operations[nextChange].Kind == LineDiff.Kind.Same)
                {
                    nextChange++;
                }

                if (nextChange < operations.Count && nextChange - end <= 2 * context)
                {
                    end = nextChange;
                    continue;
                }

                end = Math.Min(operations.Count, end + context);
                break;
            }

            yield return new Range(start, end);
            index = end;
        }
    }

    /// <summary>Splits keeping each line's terminator, so CRLF and a missing final newline show faithfully.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
