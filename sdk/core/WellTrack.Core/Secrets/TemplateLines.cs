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
        var covered = new bool[masked.Length];
        foreach (var action in actions)
        {
            for (var i = action.Start; i < action.End && i < masked.Length; i++)
            {
                covered[i] = true;
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

            var paths = new List<string>();
            var hasAction = false;
            for (var a = next; a < actions.Count && actions[a].Start < end; a++)
            {
                hasAction |= !actions[a].IsComment;
                paths.AddRange(actions[a].ValuesPaths);
            }

            var outsideActions = false;
            for (var i = start; i < end && !outsideActions; i++)
            {
                outsideActions = !covered[i] && !char.IsWhiteSpace(masked[i]);
            }

            lines[line - 1] = new TemplateLine(text, new string(masked, start, end - start), paths.Count == 0 ? [] : paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), hasAction && !outsideActions);
        }

        return lines;
    }
}
