using WellTrack.Templating.Parsing;

namespace WellTrack.Templating.Execution;

/// <summary>
/// Source recording (on when the session records): each piece of output is tied to the template text or the action
/// that produced it, and a value printed straight from <c>.Values</c> to its values path.
/// </summary>
internal sealed partial class Executor
{
    /// <summary>Functions that pass a value through (formatting it) without changing where it came from.</summary>
    private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
    {
        "quote", "squote", "default", "toYaml", "toJson", "toPrettyJson", "toRawJson", "toString", "nindent", "indent",
        "trim", "trimAll", "trimPrefix", "trimSuffix", "upper", "lower", "int", "int64", "float64", "b64enc", "required",
        "trunc",
    };

    /// <summary>The values path of dot inside <c>with .Values.x</c> (recording only); null when dot is not a value.</summary>
    private string? _dotValuesPath;

    private void RecordText(TextNode text)
    {
        var source = text.Source;
        var exact = text.Pos >= 0 && text.Pos + text.Text.Length <= source.Text.Length
            && string.CompareOrdinal(source.Text, text.Pos, text.Text, 0, text.Text.Length) == 0;
        OutputSegments.Add(_segments!, new OutputSegment(_output.Length, source, text.Pos, exact, null));
    }

    private void RecordValue(ActionNode action, string text, int captured)
    {
        var origin = new OutputSegment(_output.Length, action.Source, ActionStart(action), false, ValuesPathOf(action.Pipe));
        OutputSegments.Add(_segments!, origin);
        if (origin.ValuesPath is not null || _context.Captured.Count <= captured || text.Length == 0)
        {
            return;
        }

        // Text that an include produced keeps its origin inside the included template, line by line, even through
        // indent/nindent/trim: each printed line is matched (in order) with an identical line of the include's output.
        var lines = new List<(int Result, int Start, int Length)>();
        for (var r = captured; r < _context.Captured.Count; r++)
        {
            var s = _context.Captured[r].Text;
            for (var start = 0; start <= s.Length;)
            {
                var end = s.IndexOf('\n', start);
                end = end < 0 ? s.Length : end;
                lines.Add((r, start, end - start));
                start = end + 1;
            }
        }

        var cursor = 0;
        var at = _output.Length;
        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var line = text.AsSpan(start, end - start);
            var content = line.Trim(" \t\r");
            if (content.Length > 0)
            {
                for (var k = cursor; k < lines.Count; k++)
                {
                    var (result, rStart, rLength) = lines[k];
                    var candidate = _context.Captured[result].Text.AsSpan(rStart, rLength);
                    var rContent = candidate.TrimStart(" \t\r");
                    if (!rContent.TrimEnd(" \t\r").SequenceEqual(content))
                    {
                        continue;
                    }

                    var lead = line.Length - line.TrimStart(" \t\r").Length;
                    var rLead = candidate.Length - rContent.Length;
                    OutputSegments.Add(_segments!, origin with { Start = at + start });
                    OutputSegments.CopySlice(_context.Captured[result].Segments, rStart + rLead, content.Length, _segments!, at + start + lead, origin);
                    OutputSegments.Add(_segments!, origin with { Start = at + start + lead + content.Length });
                    cursor = k + 1;
                    break;
                }
            }

            start = end + 1;
        }
    }

    /// <summary>The offset of the action's opening <c>{{</c> (its node position is that of its first token).</summary>
    private static int ActionStart(ActionNode action)
    {
        var text = action.Source.Text;
        var pos = Math.Min(action.Pos, text.Length - 1);
        var open = pos < 1 ? -1 : text.LastIndexOf("{{", pos, StringComparison.Ordinal);
        return open >= 0 ? open : action.Pos;
    }

    /// <summary>
    /// The values path (<c>image.tag</c>) of a pipeline whose value is a field chain on .Values, possibly passed
    /// through formatting functions (<c>.Values.x | quote</c>, <c>default "a" .Values.x</c>, <c>toYaml .Values.x | nindent 4</c>).
    /// </summary>
    private string? ValuesPathOf(PipeNode pipe)
    {
        if (pipe.Cmds.Count == 0)
        {
            return null;
        }

        for (var i = 1; i < pipe.Cmds.Count; i++)
        {
            if (pipe.Cmds[i].Args[0] is not IdentifierNode { Ident: var name } || !PassThrough.Contains(name))
            {
                return null;
            }
        }

        var first = pipe.Cmds[0].Args;
        if (first.Count == 1)
        {
            return FieldPath(first[0]);
        }

        return first[0] is IdentifierNode { Ident: var function } && PassThrough.Contains(function) ? FieldPath(first[^1]) : null;
    }

    private string? FieldPath(Node node) => node switch
    {
        FieldNode { Ident: [ "Values", _, .. ] ident } when _dotValuesPath is null => string.Join('.', ident[1..]),
        FieldNode { Ident: var ident } when _dotValuesPath is not null => _dotValuesPath + "." + string.Join('.', ident),
        DotNode when _dotValuesPath is not null => _dotValuesPath,
        VariableNode { Ident: [ "$", "Values", _, .. ] ident } => string.Join('.', ident[2..]),
        VariableNode { Ident: [ var name, .. var fields ] } when VariableValuesPath(name) is { } path
            => fields.Length == 0 ? path : path + "." + string.Join('.', fields),
        PipeNode pipe => ValuesPathOf(pipe),
        _ => null,
    };

    /// <summary>A list element's values path, <c>ports[0]</c> (the notation of values-file findings).</summary>
    private static string? ElementPath(string? rangePath, int index)
        => rangePath is null ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rangePath}[{index}]");

    /// <summary>A map entry's values path, <c>env.LOG_LEVEL</c>.</summary>
    private static string? ElementPath(string? rangePath, string key) => rangePath is null ? null : rangePath + "." + key;

    private string? VariableValuesPath(string name)
    {
        for (var i = _vars.Count - 1; _varValuesPaths is not null && i >= 0; i--)
        {
            if (_vars[i].Name == name)
            {
                return _varValuesPaths[i];
            }
        }

        return null;
    }
}
