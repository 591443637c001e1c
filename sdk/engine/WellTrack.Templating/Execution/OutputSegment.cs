using WellTrack.Templating.Parsing;

namespace WellTrack.Templating.Execution;

/// <summary>
/// Where a run of output text came from, from <see cref="Start"/> up to the next segment's start: a template's text
/// (<see cref="Advances"/>: each output character is the next character of the source) or an action that printed a
/// value (every character maps to the action's opening <c>{{</c>). <see cref="Source"/> null: not known.
/// </summary>
internal readonly record struct OutputSegment(int Start, ParseSource? Source, int SourcePos, bool Advances, string? ValuesPath)
{
    /// <summary>The same origin for text starting <paramref name="into"/> characters later, placed at <paramref name="start"/>.</summary>
    public OutputSegment At(int start, int into) => this with { Start = start, SourcePos = Advances ? SourcePos + into : SourcePos };
}

/// <summary>Operations on segment lists that follow edits of the text they describe.</summary>
internal static class OutputSegments
{
    /// <summary>Appends <paramref name="segment"/>, replacing a last segment that starts at the same offset.</summary>
    public static void Add(List<OutputSegment> list, OutputSegment segment)
    {
        if (list.Count > 0 && list[^1].Start >= segment.Start)
        {
            list[^1] = segment;
            return;
        }

        list.Add(segment);
    }

    /// <summary>Index of the segment covering <paramref name="offset"/>, or -1.</summary>
    public static int IndexAt(IReadOnlyList<OutputSegment> list, int offset)
    {
        int lo = 0, hi = list.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (list[mid].Start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>
    /// Copies the origins of <paramref name="source"/>[<paramref name="start"/>, +<paramref name="length"/>) into
    /// <paramref name="destination"/> at <paramref name="at"/>; text not covered maps to <paramref name="fallback"/>.
    /// </summary>
    public static void CopySlice(IReadOnlyList<OutputSegment> source, int start, int length, List<OutputSegment> destination, int at, OutputSegment? fallback = null)
    {
        if (length <= 0)
        {
            return;
        }

        var i = IndexAt(source, start);
        if (i < 0)
        {
            Add(destination, fallback?.At(at, 0) ?? new OutputSegment(at, null, 0, false, null));
            i = 0;
            if (source.Count == 0)
            {
                return;
            }
        }

        for (; i < source.Count && source[i].Start < start + length; i++)
        {
            var segStart = Math.Max(source[i].Start, start);
            Add(destination, source[i].At(at + segStart - start, segStart - source[i].Start));
        }
    }

    /// <summary>The text with every <paramref name="token"/> removed, and the segments following it.</summary>
    public static (string Text, List<OutputSegment> Segments) RemoveAll(string text, List<OutputSegment> segments, string token)
    {
        var first = text.IndexOf(token, StringComparison.Ordinal);
        if (first < 0)
        {
            return (text, segments);
        }

        var result = new List<OutputSegment>(segments.Count);
        var sb = new System.Text.StringBuilder(text.Length);
        var from = 0;
        for (var at = first; at >= 0; at = text.IndexOf(token, from, StringComparison.Ordinal))
        {
            CopySlice(segments, from, at - from, result, sb.Length);
            sb.Append(text, from, at - from);
            from = at + token.Length;
        }

        CopySlice(segments, from, text.Length - from, result, sb.Length);
        sb.Append(text, from, text.Length - from);
        return (sb.ToString(), result);
    }
}
