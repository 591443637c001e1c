using System.Runtime.CompilerServices;
using System.Text;
using WellTrack.Diagnostics;
using WellTrack.Templating.Parsing;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Execution;

/// <summary>
/// A port of text/template's exec.go state for one template execution: walks the tree, evaluates pipelines,
/// and reports errors with the same location, context node and wording as Go. Options are Helm's:
/// <c>missingkey=zero</c>. This half walks the control structures; Executor.Eval.cs evaluates expressions.
/// </summary>
internal sealed partial class Executor
{
    private readonly RenderSession _context;
    private readonly string _templateName;
    private readonly StringBuilder _output;

    /// <summary>Where each piece of <see cref="output"/> came from; null unless the session records.</summary>
    private readonly List<OutputSegment>? _segments;
    private readonly List<(string Name, object? Value)> _vars = new(8);

    /// <summary>
    /// The values path each variable was bound from, index for index with <see cref="vars"/>; kept apart, and only
    /// while the session records, so that a plain render carries none of it.
    /// </summary>
    private readonly List<string?>? _varValuesPaths;
    private Node? _node;

    /// <summary>
    /// The range element currently bound to dot when it came out of an untyped slice or map: Go's static type of
    /// such a value is interface{}, which its error messages name instead of the element's own type.
    /// </summary>
    private object? _interfaceTypedDot;

    public Executor(RenderSession context, string templateName, StringBuilder output, List<OutputSegment>? segments = null)
    {
        _context = context;
        _templateName = templateName;
        _output = output;
        _segments = segments;
        _varValuesPaths = segments is null ? null : new(8);
    }

    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    /// <param name="dataValuesPath">Where <paramref name="data"/> sits in .Values (recording only; null at the root).</param>
    public void Execute(ParsedTree tree, object? data, string? dataValuesPath = null)
    {
        // Go's Execute takes reflect.ValueOf(data): a nil interface becomes the invalid value.
        data ??= NoValue.Instance;
        _vars.Add(("$", data));
        _varValuesPaths?.Add(dataValuesPath);
        _dotValuesPath = dataValuesPath;
        Walk(data, tree.Root);
    }

    private void At(Node n) => _node = n;

    /// <summary>Go's state.errorf: prefixes the location and context of the current node.</summary>
    private TemplateExecutionException Errorf(string message, DiagnosticCode? code = null)
    {
        if (_node is null)
        {
            return new TemplateExecutionException($"template: {_templateName}: {message}", code: code);
        }

        var location = _node.Source.Location(_node.Pos);
        var (line, column) = _node.Source.LineColumn(_node.Pos);
        return new TemplateExecutionException(
            $"template: {location}: executing {GoStrconv.Quote(_templateName)} at <{_node}>: {message}",
            _node.Source.ParseName,
            line,
            column,
            code);
    }

    private Flow Walk(object? dot, Node n)
    {
        At(n);
        switch (n)
        {
            case ActionNode action:
            {
                var mark = _context.Captured.Count;
                var val = EvalPipeline(dot, action.Pipe);
                if (action.Pipe.Decl.Count == 0)
                {
                    PrintValue(action, val, mark);
                }

                _context.DropCaptured(mark);
                return Flow.Normal;
            }

            case BreakNode:
                return Flow.Break;
            case ContinueNode:
                return Flow.Continue;
            case CommentNode:
                return Flow.Normal;
            case BranchNode { Kind: BranchKind.Range } range:
                WalkRange(dot, range);
                return Flow.Normal;
            case BranchNode branch:
                return WalkIfOrWith(dot, branch);
            case ListNode list:
                foreach (var child in list.Nodes)
                {
                    var flow = Walk(dot, child);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;
            case TemplateNode template:
                WalkTemplate(dot, template);
                return Flow.Normal;
            case TextNode text:
                if (_segments is not null)
                {
                    RecordText(text);
                }

                Write(text.Text);
                return Flow.Normal;
            default:
                throw Errorf($"unknown node: {n}");
        }
    }

    private void Write(string s)
    {
        _context.OutputChars += s.Length;
        if (_context.OutputChars > _context.Limits.MaxOutputChars)
        {
            throw Errorf($"rendered output exceeds the limit of {_context.Limits.MaxOutputChars} characters", DiagnosticCodes.WT4010);
        }

        _output.Append(s);
    }

    private Flow WalkIfOrWith(object? dot, BranchNode branch)
    {
        var mark = _vars.Count;
        try
        {
            var captured = _context.Captured.Count;
            var val = EvalPipeline(dot, branch.Pipe);
            _context.DropCaptured(captured);
            if (GoTypes.IsTrue(val))
            {
                if (branch.Kind != BranchKind.With)
                {
                    return Walk(dot, branch.List);
                }

                // with's value comes from a pipeline, which has its concrete type.
                var saved = _interfaceTypedDot;
                var savedPath = _dotValuesPath;
                _interfaceTypedDot = null;
                if (_segments is not null)
                {
                    _dotValuesPath = ValuesPathOf(branch.Pipe);
                }

                try
                {
                    return Walk(val, branch.List);
                }
                finally
                {
                    _interfaceTypedDot = saved;
                    _dotValuesPath = savedPath;
                }
            }

            if (branch.ElseList is not null)
            {
                return Walk(dot, branch.ElseList);
            }

            return Flow.Normal;
        }
        finally
        {
            Pop(mark);
        }
    }

    private void WalkRange(object? dot, BranchNode r)
    {
        At(r);
        var outerMark = _vars.Count;
        try
        {
            var captured = _context.Captured.Count;
            var val = EvalPipeline(dot, r.Pipe);
            _context.DropCaptured(captured);
            var mark = _vars.Count;
            var rangePath = _segments is null ? null : ValuesPathOf(r.Pipe);
            switch (val)
            {
                case List<object?> list when list.Count > 0:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (OneIteration(r, mark, (long)i, list[i], list is not TypedList, ElementPath(rangePath, i)) == Flow.Break)
                        {
                            break;
                        }
                    }

                    return;
                case byte[] bytes when bytes.Length > 0:
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        if (OneIteration(r, mark, (long)i, GoUnsigned.Byte(bytes[i]), elemIsInterface: false) == Flow.Break)
                        {
                            break;
                        }
                    }

                    return;
                case Dictionary<string, object?> map when map.Count > 0:
                    foreach (var key in GoFormatter.SortedKeys(map))
                    {
                        if (OneIteration(r, mark, key, map[key], map is not TypedMap, ElementPath(rangePath, key)) == Flow.Break)
                        {
                            break;
                        }
                    }

                    return;
                case GoObject { IsMap: true } obj when obj.Length > 0 && obj.ToPlain() is Dictionary<string, object?> objMap:
                    foreach (var key in GoFormatter.SortedKeys(objMap))
                    {
                        if (OneIteration(r, mark, key, objMap[key], elemIsInterface: false) == Flow.Break)
                        {
                            break;
                        }
                    }

                    return;
                case List<object?> or byte[] or Dictionary<string, object?> or GoObject { IsMap: true } or NoValue or null:
                    break;
                default:
                    throw Errorf($"range can't iterate over {GoFormatter.FormatValue(val)}");
            }

            if (r.ElseList is not null)
            {
                Walk(dot, r.ElseList);
            }
        }
        finally
        {
            Pop(outerMark);
        }
    }

    private Flow OneIteration(BranchNode r, int mark, object? index, object? elem, bool elemIsInterface, string? elemPath = null)
    {
        if (++_context.RangeIterations > _context.Limits.MaxRangeIterations)
        {
            At(r);
            throw Errorf($"range iterations exceed the limit of {_context.Limits.MaxRangeIterations}", DiagnosticCodes.WT4011);
        }

        var decl = r.Pipe.Decl;
        if (decl.Count > 0)
        {
            if (r.Pipe.IsAssign)
            {
                SetVar(decl[0].Ident[0], decl.Count > 1 ? index : elem, decl.Count > 1 ? null : elemPath);
            }
            else
            {
                SetTopVar(1, elem, elemPath);
            }
        }

        if (decl.Count > 1)
        {
            if (r.Pipe.IsAssign)
            {
                SetVar(decl[1].Ident[0], elem, elemPath);
            }
            else
            {
                SetTopVar(2, index, null);
            }
        }

        var saved = _interfaceTypedDot;
        var savedPath = _dotValuesPath;
        _interfaceTypedDot = elemIsInterface ? elem : null;
        _dotValuesPath = elemPath;
        try
        {
            var flow = Walk(elem, r.List);
            return flow == Flow.Break ? Flow.Break : Flow.Normal;
        }
        finally
        {
            _interfaceTypedDot = saved;
            _dotValuesPath = savedPath;
            Pop(mark);
        }
    }

    private void WalkTemplate(object? dot, TemplateNode t)
    {
        At(t);
        var tree = _context.Templates.Lookup(t.Name) ?? throw Errorf($"template {GoStrconv.Quote(t.Name)} not defined");
        var captured = _context.Captured.Count;
        var dataValuesPath = _segments is not null && t.Pipe is not null ? ValuesPathOf(t.Pipe) : null;
        dot = EvalPipeline(dot, t.Pipe);
        _context.DropCaptured(captured);
        EnterNested();
        try
        {
            var nested = new Executor(_context, t.Name, _output, _segments);
            nested.Execute(tree, dot, dataValuesPath);
        }
        finally
        {
            _context.Depth--;
        }
    }

    /// <summary>Counts one level of template/include nesting; refuses before the process stack would run out.</summary>
    internal void EnterNested()
    {
        if (_context.Depth >= _context.Limits.MaxNestingDepth || !_context.HasStackRoom())
        {
            throw Errorf($"template nesting exceeds the limit of {_context.Limits.MaxNestingDepth} levels", DiagnosticCodes.WT4012);
        }

        _context.Depth++;
    }

    private void PrintValue(ActionNode n, object? v, int captured)
    {
        At(n);
        var text = v is NoValue ? "<no value>" : GoFormatter.FormatValue(v);
        if (_segments is not null)
        {
            RecordValue(n, text, captured);
        }

        Write(text);
    }

    private void Pop(int mark)
    {
        if (_vars.Count > mark)
        {
            _varValuesPaths?.RemoveRange(mark, _vars.Count - mark);
            _vars.RemoveRange(mark, _vars.Count - mark);
        }
    }

    private void Push(string name, object? value, string? valuesPath)
    {
        _vars.Add((name, value));
        _varValuesPaths?.Add(valuesPath);
    }

    private void SetVar(string name, object? value, string? valuesPath)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name)
            {
                _vars[i] = (name, value);
                _varValuesPaths?[i] = valuesPath;
                return;
            }
        }

        throw Errorf($"undefined variable: {name}");
    }

    private void SetTopVar(int n, object? value, string? valuesPath)
    {
        _vars[^n] = (_vars[^n].Name, value);
        _varValuesPaths?[^n] = valuesPath;
    }

    private object? VarValue(string name)
    {
        for (var i = _vars.Count - 1; i >= 0; i--)
        {
            if (_vars[i].Name == name)
            {
                return _vars[i].Value;
            }
        }

        throw Errorf($"undefined variable: {name}");
    }
}
