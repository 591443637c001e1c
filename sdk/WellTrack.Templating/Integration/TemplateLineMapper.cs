using System.Text.RegularExpressions;
using WellTrack.GitOps.Diagnostics;
using WellTrack.GitOps.Validation;

namespace WellTrack.Templating.Integration;

/// <summary>
/// Maps positions in a rendered document back to lines of the template that produced it, by aligning each rendered
/// line with the template line whose literal text (everything outside <c>{{ }}</c>) it reproduces, in order. Lines
/// produced inside an include or a loop map to the line that called them. An approximation of true per-character
/// source tracking by the engine: exact for the plain key/value lines that validation findings point at, and never
/// worse than the template file itself.
/// </summary>
public sealed partial class TemplateLineMapper
{
    private readonly string _templatePath;
    private readonly TemplateLine[] _template;
    private readonly int[] _renderedToTemplate;
    private readonly string[] _rendered;

    public TemplateLineMapper(string templatePath, string templateText, string renderedText)
    {
        _templatePath = templatePath;
        _template = templateText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(TemplateLine.Parse).ToArray();
        _rendered = renderedText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        _renderedToTemplate = Align();
    }

    public SourceMapping? Map(int line, int column)
    {
        if (line < 1 || line > _rendered.Length)
        {
            return new SourceMapping(new SourceLocation(_templatePath));
        }

        var index = _renderedToTemplate[line - 1];
        if (index < 0)
        {
            return new SourceMapping(new SourceLocation(_templatePath));
        }

        var template = _template[index];
        var renderedIndent = Indent(_rendered[line - 1]);
        var mappedColumn = Math.Clamp(template.Indent + Math.Max(0, column - 1 - renderedIndent), template.Indent, Math.Max(template.Indent, template.Text.Length - 1)) + 1;
        return new SourceMapping(new SourceLocation(_templatePath, index + 1, mappedColumn), template.ValuesPath);
    }

    private int[] Align()
    {
        var map = new int[_rendered.Length];
        var cursor = 0;
        var last = -1;
        for (var r = 0; r < _rendered.Length; r++)
        {
            var text = _rendered[r];
            var match = text.Trim().Length == 0 ? -1 : Find(text, cursor, _template.Length);
            if (match < 0 && text.Trim().Length > 0)
            {
                match = Find(text, 0, cursor);
            }

            if (match >= 0)
            {
                map[r] = match;
                cursor = match + 1;
                last = match;
            }
            else
            {
                // Produced by an action (an include, a toYaml block): the nearest line that produced text before it.
                map[r] = last >= 0 ? last : FirstActionLine();
            }
        }

        return map;
    }

    private int Find(string rendered, int from, int to)
    {
        var trimmed = rendered.TrimStart();
        for (var t = from; t < to; t++)
        {
            if (_template[t].Matches(trimmed))
            {
                return t;
            }
        }

        return -1;
    }

    private int FirstActionLine() => Array.FindIndex(_template, line => line.Fragments.Length == 0 && line.HasAction);

    private static int Indent(string text) => text.Length - text.TrimStart().Length;

    private sealed partial record TemplateLine(string Text, int Indent, string[] Fragments, bool HasAction, string? ValuesPath)
    {
        public static TemplateLine Parse(string text)
        {
            var hasAction = text.Contains("{{", StringComparison.Ordinal);
            var fragments = Action().Split(text).Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
            var values = ValuesReference().Match(text);
            return new TemplateLine(text, text.Length - text.TrimStart().Length, fragments, hasAction, values.Success ? values.Groups[1].Value : null);
        }

        /// <summary>The rendered line starts with this line's first literal text and holds the rest in order.</summary>
        public bool Matches(string trimmedRendered)
        {
            if (Fragments.Length == 0 || !trimmedRendered.StartsWith(Fragments[0], StringComparison.Ordinal) && !(HasAction && Text.TrimStart().StartsWith("{{", StringComparison.Ordinal)))
            {
                return false;
            }

            var position = 0;
            foreach (var fragment in Fragments)
            {
                var found = trimmedRendered.IndexOf(fragment, position, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                position = found + fragment.Length;
            }

            // A line without actions must be reproduced exactly, not merely contained.
            return HasAction || trimmedRendered.TrimEnd() == Fragments[0];
        }

        [GeneratedRegex(@"\{\{.*?\}\}")]
        private static partial Regex Action();

        [GeneratedRegex(@"\.Values\.([A-Za-z0-9_.]+)")]
        private static partial Regex ValuesReference();
    }
}
