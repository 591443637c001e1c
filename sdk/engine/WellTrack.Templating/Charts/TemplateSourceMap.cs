using WellTrack.Templating.Execution;

namespace WellTrack.Templating.Charts;

/// <summary>
/// Where a position of rendered text came from: the template (by its render name, e.g.
/// <c>mychart/templates/deployment.yaml</c> or <c>mychart/templates/_helpers.tpl</c>), 1-based line and column in it
/// (characters), and the values path (<c>image.tag</c>) when the text was a value printed straight from
/// <c>.Values</c>.
/// </summary>
public sealed record TemplateSourcePosition(string Template, int Line, int Column, string? ValuesPath);

/// <summary>
/// The engine's record of where each character of one rendered text came from, recorded when
/// <see cref="RenderOptions.RecordSourceMap"/> is on: template text maps character by character to the template,
/// a printed value to the action that printed it, and text produced by <c>include</c>/<c>template</c> to the text or
/// action inside the included template.
/// </summary>
public sealed class TemplateSourceMap
{
    private readonly OutputSegment[] _segments;
    private readonly List<int> _lineStarts = [0];

    internal TemplateSourceMap(string text, IReadOnlyList<OutputSegment> segments)
    {
        Text = text;
        _segments = [.. segments];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The text this map describes.</summary>
    public string Text { get; }

    /// <summary>The origin of the character at 1-based <paramref name="line"/> and <paramref name="column"/>; null when not known.</summary>
    public TemplateSourcePosition? Lookup(int line, int column)
    {
        if (line < 1 || line > _lineStarts.Count)
        {
            return null;
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Count ? _lineStarts[line] - 1 : Text.Length;
        var offset = start + Math.Clamp(column - 1, 0, Math.Max(0, end - start - 1));
        return LookupOffset(Math.Min(offset, Math.Max(0, Text.Length - 1)));
    }

    /// <summary>The origin of the character at 0-based <paramref name="offset"/> of <see cref="Text"/>; null when not known.</summary>
    public TemplateSourcePosition? LookupOffset(int offset)
    {
        var i = OutputSegments.IndexAt(_segments, offset);
        if (i < 0 || _segments[i].Source is not { } source)
        {
            return null;
        }

        var segment = _segments[i];
        var pos = segment.Advances ? segment.SourcePos + (offset - segment.Start) : segment.SourcePos;
        pos = Math.Clamp(pos, 0, source.Text.Length);
        var (line, column) = source.LineColumn(pos);
        return new TemplateSourcePosition(source.ParseName, line, column, segment.ValuesPath);
    }

    internal IReadOnlyList<OutputSegment> Segments => _segments;
}
