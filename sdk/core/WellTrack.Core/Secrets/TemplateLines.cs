using WellTrack.Templating.Parsing;

namespace WellTrack.Core.Secrets;

/// <summary>
/// One line of a template: its text; the text with every action blanked (an action keeps its <c>{{</c> and
/// <c>}}</c>, its inside becomes spaces, so a key or a literal written inside an action is not mistaken for YAML and
/// columns stay put); the values paths read by the actions on it; and whether it holds nothing but actions.
/// </summary>
internal sealed record TemplateLine(string Text, string Masked, IReadOnlyList<string> ValuesPaths, bool ActionOnly)
{
    public bool ReadsValues => ValuesPaths.Count > 0;
}

/// <summary>Splits a template into <see cref="TemplateLine"/>s using the actions the engine's parser found.</summary>
internal static class TemplateLines
{
    public static TemplateLine[] Read(FileScan file, IReadOnlyList<TemplateAction> actions)
    {
        var lines = new TemplateLine[file.LineCount];
        if (actions.Count == 0)
        {
            for (var line = 1; line <= lines.Length; line++)
            {
                var text = file.LineText(line);
                lines[line - 1] = new TemplateLine(text, text, [], false);
            }

            return lines;
        }

        var masked = file.Text.ToCharArray();
        foreach (var action in actions)
        {
            for (var i = action.Start; i < action.End && i < masked.Length; i++)
            {
                var keep = !action.IsComment && (i < action.Start + 2 || i >= action.End - 2);
                if (masked[i] is not ('\n' or '\r') && !keep)
                {
                    masked[i] = ' ';
                }
            }
        }

        var next = 0;
        for (var line = 1; line <= lines.Length; line++)
        {
            var (start, end) = file.LineSpan(line);
            var text = file.LineText(line);
            while (next < actions.Count && actions[next].End <= start)
            {
                next++;
            }

            if (next >= actions.Count || actions[next].Start >= end)
            {
                // No action on this line: it reads as it is written.
                lines[line - 1] = new TemplateLine(text, text, [], false);
                continue;
            }

            List<string>? paths = null;
            var hasAction = false;
            var outsideActions = false;
            var gapStart = start;
            for (var a = next; a < actions.Count && actions[a].Start < end; a++)
            {
                hasAction |= !actions[a].IsComment;
                if (actions[a].ValuesPaths.Count > 0)
                {
                    (paths ??= []).AddRange(actions[a].ValuesPaths);
                }

                outsideActions |= HasText(file.Text, gapStart, actions[a].Start);
                gapStart = Math.Max(gapStart, actions[a].End);
            }

            outsideActions |= HasText(file.Text, gapStart, end);

            lines[line - 1] = new TemplateLine(text, new string(masked, start, end - start), paths is null ? [] : SortedDistinct(paths), hasAction && !outsideActions);
        }

        return lines;
    }

    /// <summary>Whether anything but white space lies in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static bool HasText(string text, int from, int to)
        => from < to && !text.AsSpan(from, to - from).IsWhiteSpace();

    /// <summary>The paths in ordinal order, each once; sorted in place (a line's actions usually read one or two).</summary>
    private static List<string> SortedDistinct(List<string> paths)
    {
        paths.Sort(StringComparer.Ordinal);
        var kept = 0;
        for (var i = 0; i < paths.Count; i++)
        {
            if (kept == 0 || !string.Equals(paths[kept - 1], paths[i], StringComparison.Ordinal))
            {
                paths[kept++] = paths[i];
            }
        }

        paths.RemoveRange(kept, paths.Count - kept);
        return paths;
    }
}
