using System.Globalization;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Parsing;

/// <summary>A named template body produced by parsing: a file's top level, a define or a block.</summary>
internal sealed class ParsedTree
{
    public ParsedTree(string name, ListNode root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }

    public ListNode Root { get; }

    /// <summary>Go's parse.IsEmptyTree: only white space text and comments.</summary>
    public bool IsEmpty => IsEmptyNode(Root);

    private static bool IsEmptyNode(Node node) => node switch
    {
        ListNode list => list.Nodes.TrueForAll(IsEmptyNode),
        TextNode text => string.IsNullOrWhiteSpace(text.Text),
        CommentNode => true,
        _ => false,
    };
}

/// <summary>
/// A port of text/template/parse's recursive-descent parser: pipelines, declarations and assignments, control
/// structures (Go 1.22: <c>else if</c> chains, no <c>else with</c>), define/template/block, and its error texts.
/// </summary>
internal sealed class Parser
{
    private readonly Func<string, bool> _hasFunction;
    private readonly ParseSource _source;
    private readonly Lexer _lexer;
    private readonly Token[] _token = new Token[3];
    private readonly Dictionary<string, ParsedTree> _treeSet;
    private int _peekCount;
    private List<string> _vars = ["$"];
    private int _actionLine;
    private int _rangeDepth;

    private Parser(string parseName, string text, Func<string, bool> hasFunction, Dictionary<string, ParsedTree> treeSet, List<ActionExtent>? extents)
    {
        _hasFunction = hasFunction;
        _treeSet = treeSet;
        _source = new ParseSource(parseName, text);
        _lexer = new Lexer(text, !hasFunction("break"), !hasFunction("continue"), extents);
    }

    /// <summary>Parses <paramref name="text"/> as template <paramref name="name"/>; returns every tree it defines.</summary>
    /// <param name="extents">When given, receives where every action and comment of the text lies (the parse reads the whole text).</param>
    public static Dictionary<string, ParsedTree> Parse(string name, string text, Func<string, bool> hasFunction, List<ActionExtent>? extents = null)
    {
        var treeSet = new Dictionary<string, ParsedTree>(StringComparer.Ordinal);
        var parser = new Parser(name, text, hasFunction, treeSet, extents);
        var root = parser.ParseTop();
        parser.Add(name, root);
        return treeSet;
    }

    private void Add(string name, ListNode root)
    {
        var tree = new ParsedTree(name, root);
        if (!_treeSet.TryGetValue(name, out var existing) || existing.IsEmpty)
        {
            _treeSet[name] = tree;
            return;
        }

        if (!tree.IsEmpty)
        {
            Errorf("template: multiple definition of template " + GoStrconv.Quote(name));
        }
    }

    private Token Next()
    {
        if (_peekCount > 0)
        {
            _peekCount--;
        }
        else
        {
            _token[0] = _lexer.NextItem();
        }

        return _token[_peekCount];
    }

    private void Backup() => _peekCount++;

    private void Backup2(Token t1)
    {
        _token[1] = t1;
        _peekCount = 2;
    }

    private void Backup3(Token t2, Token t1)
    {
        _token[1] = t1;
        _token[2] = t2;
        _peekCount = 3;
    }

    private Token Peek()
    {
        if (_peekCount > 0)
        {
            return _token[_peekCount - 1];
        }

        _peekCount = 1;
        _token[0] = _lexer.NextItem();
        return _token[0];
    }

    private Token NextNonSpace()
    {
        Token t;
        do
        {
            t = Next();
        }
        while (t.Kind == TokenKind.Space);
        return t;
    }

    private Token PeekNonSpace()
    {
        var t = NextNonSpace();
        Backup();
        return t;
    }

    private TemplateParseException Errorf(string message) => throw new TemplateParseException(_source.ParseName, _token[0].Line, message);

    private Token Expect(TokenKind expected, string context)
    {
        var t = NextNonSpace();
        if (t.Kind != expected)
        {
            Unexpected(t, context);
        }

        return t;
    }

    private Token ExpectOneOf(TokenKind expected1, TokenKind expected2, string context)
    {
        var t = NextNonSpace();
        if (t.Kind != expected1 && t.Kind != expected2)
        {
            Unexpected(t, context);
        }

        return t;
    }

    private void Unexpected(Token t, string context)
    {
        if (t.Kind == TokenKind.Error)
        {
            var extra = string.Empty;
            if (_actionLine != 0 && _actionLine != t.Line)
            {
                extra = string.Create(CultureInfo.InvariantCulture, $" in action started at {_source.ParseName}:{_actionLine}");
                if (t.Value.EndsWith(" action", StringComparison.Ordinal))
                {
                    extra = extra[" in action".Length..];
                }
            }

            Errorf(t + extra);
        }

        Errorf($"unexpected {t} in {context}");
    }

    private ListNode ParseTop()
    {
        var root = new ListNode(_source, Peek().Pos);
        while (Peek().Kind != TokenKind.EOF)
        {
            if (Peek().Kind == TokenKind.LeftDelim)
            {
                var delim = Next();
                if (NextNonSpace().Kind == TokenKind.Define)
                {
                    ParseDefinition();
                    continue;
                }

                Backup2(delim);
            }

            var n = TextOrAction();
            if (n is DelimiterNode)
            {
                Errorf($"unexpected {n}");
            }

            root.Nodes.Add(n);
        }

        return root;
    }

    private void ParseDefinition()
    {
        const string context = "define clause";
        var name = ExpectOneOf(TokenKind.String, TokenKind.RawString, context);
        if (!GoStrconv.TryUnquote(name.Value, out var treeName, out var error))
        {
            Errorf(error!);
        }

        Expect(TokenKind.RightDelim, context);
        var savedVars = _vars;
        _vars = ["$"];
        var (list, end) = ItemList();
        _vars = savedVars;
        if (end is not DelimiterNode { IsElse: false })
        {
            Errorf($"unexpected {end} in {context}");
        }

        Add(treeName, list);
    }

    private (ListNode List, Node Next) ItemList()
    {
        var list = new ListNode(_source, PeekNonSpace().Pos);
        while (PeekNonSpace().Kind != TokenKind.EOF)
        {
            var n = TextOrAction();
            if (n is DelimiterNode)
            {
                return (list, n);
            }

            list.Nodes.Add(n);
        }

        throw Errorf("unexpected EOF");
    }

    private Node TextOrAction()
    {
        var t = NextNonSpace();
        switch (t.Kind)
        {
            case TokenKind.Text:
                return new TextNode(_source, t.Pos, t.Value);
            case TokenKind.LeftDelim:
                _actionLine = t.Line;
                try
                {
                    return Action();
                }
                finally
                {
                    _actionLine = 0;
                }

            case TokenKind.Comment:
                return new CommentNode(_source, t.Pos, t.Value);
            default:
                Unexpected(t, "input");
                throw new InvalidOperationException();
        }
    }

    private Node Action()
    {
        var t = NextNonSpace();
        switch (t.Kind)
        {
            case TokenKind.Block:
                return BlockControl();
            case TokenKind.Break:
                return BreakOrContinue(t, "{{break}}", isBreak: true);
            case TokenKind.Continue:
                return BreakOrContinue(t, "{{continue}}", isBreak: false);
            case TokenKind.Else:
                return ElseControl();
            case TokenKind.End:
                return new DelimiterNode(_source, Expect(TokenKind.RightDelim, "end").Pos, isElse: false);
            case TokenKind.If:
                return ParseControl(BranchKind.If, allowElseIf: true, "if");
            case TokenKind.Range:
                return ParseControl(BranchKind.Range, allowElseIf: false, "range");
            case TokenKind.Template:
                return TemplateControl();
            case TokenKind.With:
                return ParseControl(BranchKind.With, allowElseIf: false, "with");
        }

        Backup();
        var first = Peek();
        return new ActionNode(_source, first.Pos, Pipeline("command", TokenKind.RightDelim));
    }

    private Node BreakOrContinue(Token keyword, string context, bool isBreak)
    {
        var t = NextNonSpace();
        if (t.Kind != TokenKind.RightDelim)
        {
            Unexpected(t, context);
        }

        if (_rangeDepth == 0)
        {
            Errorf(context + " outside {{range}}");
        }

        return isBreak ? new BreakNode(_source, keyword.Pos) : new ContinueNode(_source, keyword.Pos);
    }

    private PipeNode Pipeline(string context, TokenKind end)
    {
        var first = PeekNonSpace();
        var pipe = new PipeNode(_source, first.Pos);
    decls:
        var v = PeekNonSpace();
        if (v.Kind == TokenKind.Variable)
        {
            Next();
            var tokenAfterVariable = Peek();
            var next = PeekNonSpace();
            if (next.Kind is TokenKind.Assign or TokenKind.Declare)
            {
                pipe.IsAssign = next.Kind == TokenKind.Assign;
                NextNonSpace();
                pipe.Decl.Add(new VariableNode(_source, v.Pos, v.Value));
                _vars.Add(v.Value);
            }
            else if (next.Kind == TokenKind.Char && next.Value == ",")
            {
                NextNonSpace();
                pipe.Decl.Add(new VariableNode(_source, v.Pos, v.Value));
                _vars.Add(v.Value);
                if (context == "range" && pipe.Decl.Count < 2)
                {
                    switch (PeekNonSpace().Kind)
                    {
                        case TokenKind.Variable or TokenKind.RightDelim or TokenKind.RightParen:
                            goto decls;
                        default:
                            Errorf("range can only initialize variables");
                            break;
                    }
                }

                Errorf("too many declarations in " + context);
            }
            else if (tokenAfterVariable.Kind == TokenKind.Space)
            {
                Backup3(v, tokenAfterVariable);
            }
            else
            {
                Backup2(v);
            }
        }

        while (true)
        {
            var t = NextNonSpace();
            if (t.Kind == end)
            {
                CheckPipeline(pipe, context);
                return pipe;
            }

            switch (t.Kind)
            {
                case TokenKind.Bool or TokenKind.CharConstant or TokenKind.Complex or TokenKind.Dot or TokenKind.Field
                    or TokenKind.Identifier or TokenKind.Number or TokenKind.Nil or TokenKind.RawString
                    or TokenKind.String or TokenKind.Variable or TokenKind.LeftParen:
                    Backup();
                    pipe.Cmds.Add(Command());
                    break;
                default:
                    Unexpected(t, context);
                    break;
            }
        }
    }

    private void CheckPipeline(PipeNode pipe, string context)
    {
        if (pipe.Cmds.Count == 0)
        {
            Errorf("missing value for " + context);
        }

        for (var i = 1; i < pipe.Cmds.Count; i++)
        {
            if (pipe.Cmds[i].Args[0] is BoolNode or DotNode or NilNode or NumberNode or StringNode)
            {
                Errorf(string.Create(CultureInfo.InvariantCulture, $"non executable command in pipeline stage {i + 1}"));
            }
        }
    }

    private BranchNode ParseControl(BranchKind kind, bool allowElseIf, string context)
    {
        var varCount = _vars.Count;
        try
        {
            var pipe = Pipeline(context, TokenKind.RightDelim);
            if (kind == BranchKind.Range)
            {
                _rangeDepth++;
            }

            var (list, next) = ItemList();
            if (kind == BranchKind.Range)
            {
                _rangeDepth--;
            }

            ListNode? elseList = null;
            if (next is DelimiterNode { IsElse: true })
            {
                if (allowElseIf && Peek().Kind == TokenKind.If)
                {
                    Next();
                    elseList = new ListNode(_source, next.Pos);
                    elseList.Nodes.Add(ParseControl(BranchKind.If, allowElseIf: true, "if"));
                }
                else
                {
                    (elseList, next) = ItemList();
                    if (next is not DelimiterNode { IsElse: false })
                    {
                        Errorf($"expected end; found {next}");
                    }
                }
            }

            return new BranchNode(_source, pipe.Pos, kind, pipe, list, elseList);
        }
        finally
        {
            _vars.RemoveRange(varCount, _vars.Count - varCount);
        }
    }

    private DelimiterNode ElseControl()
    {
        var peek = PeekNonSpace();
        if (peek.Kind == TokenKind.If)
        {
            return new DelimiterNode(_source, peek.Pos, isElse: true);
        }

        var t = Expect(TokenKind.RightDelim, "else");
        return new DelimiterNode(_source, t.Pos, isElse: true);
    }

    private TemplateNode BlockControl()
    {
        const string context = "block clause";
        var t = NextNonSpace();
        var name = ParseTemplateName(t, context);
        var pipe = Pipeline(context, TokenKind.RightDelim);
        var savedVars = _vars;
        var savedRangeDepth = _rangeDepth;
        _vars = ["$"];
        _rangeDepth = 0;
        var (list, end) = ItemList();
        _vars = savedVars;
        _rangeDepth = savedRangeDepth;
        if (end is not DelimiterNode { IsElse: false })
        {
            Errorf($"unexpected {end} in {context}");
        }

        Add(name, list);
        return new TemplateNode(_source, t.Pos, name, pipe);
    }

    private TemplateNode TemplateControl()
    {
        const string context = "template clause";
        var t = NextNonSpace();
        var name = ParseTemplateName(t, context);
        PipeNode? pipe = null;
        if (NextNonSpace().Kind != TokenKind.RightDelim)
        {
            Backup();
            pipe = Pipeline(context, TokenKind.RightDelim);
        }

        return new TemplateNode(_source, t.Pos, name, pipe);
    }

    private string ParseTemplateName(Token t, string context)
    {
        if (t.Kind is TokenKind.String or TokenKind.RawString)
        {
            if (!GoStrconv.TryUnquote(t.Value, out var s, out var error))
            {
                Errorf(error!);
            }

            return s;
        }

        Unexpected(t, context);
        throw new InvalidOperationException();
    }

    private CommandNode Command()
    {
        var cmd = new CommandNode(_source, PeekNonSpace().Pos);
        while (true)
        {
            PeekNonSpace();
            var operand = Operand();
            if (operand is not null)
            {
                cmd.Args.Add(operand);
            }

            var t = Next();
            if (t.Kind == TokenKind.Space)
            {
                continue;
            }

            if (t.Kind is TokenKind.RightDelim or TokenKind.RightParen)
            {
                Backup();
            }
            else if (t.Kind != TokenKind.Pipe)
            {
                Unexpected(t, "operand");
            }

            break;
        }

        if (cmd.Args.Count == 0)
        {
            Errorf("empty command");
        }

        return cmd;
    }

    private Node? Operand()
    {
        var node = Term();
        if (node is null)
        {
            return null;
        }

        if (Peek().Kind == TokenKind.Field)
        {
            var chain = new ChainNode(_source, Peek().Pos, node);
            while (Peek().Kind == TokenKind.Field)
            {
                chain.Field.Add(Next().Value[1..]);
            }

            switch (node)
            {
                case FieldNode:
                    return new FieldNode(_source, chain.Pos, chain.ToString());
                case VariableNode:
                    return new VariableNode(_source, chain.Pos, chain.ToString());
                case BoolNode or StringNode or NumberNode or NilNode or DotNode:
                    Errorf($"unexpected . after term {GoStrconv.Quote(node.ToString())}");
                    break;
            }

            return chain;
        }

        return node;
    }

    private Node? Term()
    {
        var t = NextNonSpace();
        switch (t.Kind)
        {
            case TokenKind.Identifier:
                if (!_hasFunction(t.Value))
                {
                    Errorf($"function {GoStrconv.Quote(t.Value)} not defined");
                }

                return new IdentifierNode(_source, t.Pos, t.Value);
            case TokenKind.Dot:
                return new DotNode(_source, t.Pos);
            case TokenKind.Nil:
                return new NilNode(_source, t.Pos);
            case TokenKind.Variable:
                return UseVar(t.Pos, t.Value);
            case TokenKind.Field:
                return new FieldNode(_source, t.Pos, t.Value);
            case TokenKind.Bool:
                return new BoolNode(_source, t.Pos, t.Value == "true");
            case TokenKind.CharConstant or TokenKind.Complex or TokenKind.Number:
                return NumberParser.Parse(_source, t, Errorf);
            case TokenKind.LeftParen:
                return Pipeline("parenthesized pipeline", TokenKind.RightParen);
            case TokenKind.String or TokenKind.RawString:
                if (!GoStrconv.TryUnquote(t.Value, out var s, out var error))
                {
                    Errorf(error!);
                }

                return new StringNode(_source, t.Pos, t.Value, s);
        }

        Backup();
        return null;
    }

    private VariableNode UseVar(int pos, string name)
    {
        var v = new VariableNode(_source, pos, name);
        if (!_vars.Contains(v.Ident[0]))
        {
            Errorf($"undefined variable {GoStrconv.Quote(v.Ident[0])}");
        }

        return v;
    }
}
