namespace WellTrack.Core.Text;

/// <summary>
/// Line-level diff by longest common subsequence over the part between the common prefix and suffix. Values files
/// are small and bumps touch few lines, so the quadratic middle stays tiny in practice.
/// </summary>
internal static class LineDiff
{
    internal enum Kind
    {
        Same,
        Removed,
        Added,
    }

    internal readonly record struct Operation(Kind Kind, int OldIndex, int NewIndex);

    public static List<Operation> Compute(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        var prefix = 0;
        while (prefix < oldLines.Count && prefix < newLines.Count && oldLines[prefix] == newLines[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldLines.Count - prefix && suffix < newLines.Count - prefix
            && oldLines[oldLines.Count - 1 - suffix] == newLines[newLines.Count - 1 - suffix])
        {
            suffix++;
        }

        var operations = new List<Operation>(Math.Max(oldLines.Count, newLines.Count));
        for (var i = 0; i < prefix; i++)
        {
            operations.Add(new Operation(Kind.Same, i, i));
        }

        AppendMiddle(operations, oldLines, newLines, prefix, oldLines.Count - suffix, prefix, newLines.Count - suffix);

        for (var i = suffix; i > 0; i--)
        {
            operations.Add(new Operation(Kind.Same, oldLines.Count - i, newLines.Count - i));
        }

        return operations;
    }

    private static void AppendMiddle(List<Operation> operations, IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines, int oldStart, int oldEnd, int newStart, int newEnd)
    {
        var rows = oldEnd - oldStart;
        var columns = newEnd - newStart;
        // lengths[i, j]: LCS length of old[oldStart+i..oldEnd) and new[newStart+j..newEnd).
        var lengths = new int[rows + 1, columns + 1];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var j = columns - 1; j >= 0; j--)
            {
                lengths[i, j] = oldLines[oldStart + i] == newLines[newStart + j]
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int row = 0, column = 0;
        while (row < rows || column < columns)
        {
            if (row < rows && column < columns && oldLines[oldStart + row] == newLines[newStart + column])
            {
                operations.Add(new Operation(Kind.Same, oldStart + row, newStart + column));
                row++;
                column++;
            }
            else if (column < columns && (row == rows || lengths[row, column + 1] >= lengths[row + 1, column]))
            {
                // Removals print before additions, as git does, so emit the removal first when both are possible.
                if (row < rows && lengths[row + 1, column] == lengths[row, column])
                {
                    operations.Add(new Operation(Kind.Removed, oldStart + row, newStart + column));
                    row++;
                }
                else
                {
                    operations.Add(new Operation(Kind.Added, oldStart + row, newStart + column));
                    column++;
                }
            }
            else
            {
                operations.Add(new Operation(Kind.Removed, oldStart + row, newStart + column));
                row++;
            }
        }
    }
}
