using WellTrack.Templating.Functions;

namespace WellTrack.Templating.Parsing;

/// <summary>
/// One <c>{{ ... }}</c> of a template (or a <c>{{/* comment */}}</c>): where it is in the text (character offsets,
/// <see cref="End"/> just after its closing braces) and which values paths it reads (<c>db.password</c>; the empty
/// string for <c>.Values</c> as a whole), through fields, variables, <c>with</c>/<c>range</c> dots and helpers.
/// </summary>
public sealed record TemplateAction(int Start, int End, bool IsComment, IReadOnlyList<string> ValuesPaths);

/// <summary>
/// What the templates of a chart read from <c>.Values</c>, found on the parse tree without rendering, for tools that
/// analyse templates (the secrets scanner). It follows the dot: <c>{{ with .Values.db }}{{ .password }}</c> reads
/// <c>db.password</c>, <c>{{ toYaml . }}</c> inside it reads <c>db</c>; variables bound to values; and
/// <c>include</c>/<c>template</c> of a <c>define</c> from any of the chart's templates, with the dot passed to it.
/// A helper's own actions are read as called with the chart's root context (<c>include "x" .</c>, the usual call).
/// </summary>
public sealed class TemplateValuesReads
{
    /// <summary>Nesting of helper calls followed; deeper (or recursive) calls add nothing more.</summary>
    private const int MaxIncludeDepth = 16;

    private readonly Dictionary<string, ParsedTree> _defines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TemplateAction>?> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, Dot Dot), HashSet<string>> _helperReads = [];

    private TemplateValuesReads()
    {
    }

    /// <summary>Parses every template (by name) of a chart with Helm's function table and follows their reads.</summary>
    /// <param name="followValues">False when only where the actions are matters: nothing is parsed, each template's
    /// actions come from the lexer alone (up to a lexical error, if any) and read nothing.</param>
    /// <param name="readsWanted">Which templates' reads are followed (every one when null). The others are still
    /// parsed, for their defines and to tell whether they parse, but their actions read nothing: walking them would
    /// cost as much as parsing them, for a caller that looks at no value they read.</param>
    public static TemplateValuesReads Analyze(IReadOnlyDictionary<string, string> templates, bool followValues = true, Func<string, bool>? readsWanted = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var analysis = new TemplateValuesReads();
        if (!followValues)
        {
            foreach (var (name, text) in templates)
            {
                analysis._actions[name] = LexedExtents(text).ConvertAll(e => new TemplateAction(e.Start, e.End, e.IsComment, []));
            }

            return analysis;
        }

        var parsed = new List<(string Name, Dictionary<string, ParsedTree> Trees, List<ActionExtent> Extents)>(templates.Count);
        foreach (var (name, text) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            try
            {
                // The parse records where the actions are as it lexes: the text is lexed once.
                var extents = new List<ActionExtent>();
                var trees = Parser.Parse(name, text, FunctionLibrary.Helm.ContainsKey, extents);
                parsed.Add((name, trees, extents));
                foreach (var (treeName, tree) in trees)
                {
                    if (treeName != name)
                    {
                        analysis._defines[treeName] = tree;
                    }
                }
            }
            catch (TemplateParseException)
            {
                // Helm would refuse the chart; the caller reads such a template as plain text.
                analysis._actions[name] = null;
            }
        }

        foreach (var (name, trees, extents) in parsed)
        {
            analysis._actions[name] = readsWanted is null || readsWanted(name)
                ? analysis.Collect(extents, trees)
                : extents.ConvertAll(e => new TemplateAction(e.Start, e.End, e.IsComment, []));
        }

        return analysis;
    }

    /// <summary>The actions of template <paramref name="name"/> in text order; null when it does not parse.</summary>
    public IReadOnlyList<TemplateAction>? ActionsOf(string name) => _actions.GetValueOrDefault(name);

    private List<TemplateAction> Collect(List<ActionExtent> extents, Dictionary<string, ParsedTree> trees)
    {
        var reads = new SortedSet<string>?[extents.Count];
        void Read(int pos, string path)
        {
            if (IndexAt(extents, pos) is var index and >= 0)
            {
                (reads[index] ??= new SortedSet<string>(StringComparer.Ordinal)).Add(path);
            }
        }

        foreach (var tree in trees.Values)
        {
            new Walker(this, Read, 0).List(tree.Root, Dot.Root, new Dictionary<string, Dot>(StringComparer.Ordinal) { ["$"] = Dot.Root });
        }

        var collected = new List<TemplateAction>(extents.Count);
        for (var i = 0; i < extents.Count; i++)
        {
            collected.Add(new TemplateAction(extents[i].Start, extents[i].End, extents[i].IsComment, reads[i] is { } paths ? [.. paths] : []));
        }

        return collected;
    }

    /// <summary>The index of the extent (in text order) that holds offset <paramref name="pos"/>; -1 when none does.</summary>
    private static int IndexAt(List<ActionExtent> extents, int pos)
    {
        int low = 0, high = extents.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (extents[middle].Start <= pos)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found >= 0 && pos < extents[found].End ? found : -1;
    }

    /// <summary>
    /// Every action's and comment's extent from the lexer alone. The lexer stops at a lexical error; each <c>{{</c>
    /// after what it read is then taken for a comment reaching the <c>}}</c> after the next <c>*/</c> (or the end).
    /// </summary>
    private static List<ActionExtent> LexedExtents(string text)
    {
        var extents = new List<ActionExtent>();
        var lexer = new Lexer(text, breakOk: true, continueOk: true, extents);
        var lexed = 0;
        for (var token = lexer.NextItem(); token.Kind != TokenKind.EOF; token = lexer.NextItem())
        {
            if (token.Kind == TokenKind.Error)
            {
                UnlexedComments(text, Math.Max(lexed, extents.Count == 0 ? 0 : extents[^1].End), extents);
                break;
            }

            lexed = Math.Max(lexed, token.Pos + token.Value.Length);
        }

        return extents;
    }

    private static void UnlexedComments(string text, int from, List<ActionExtent> extents)
    {
        for (var start = text.IndexOf("{{", from, StringComparison.Ordinal); start >= 0; start = text.IndexOf("{{", start + 2, StringComparison.Ordinal))
        {
            var close = text.IndexOf("*/", start, StringComparison.Ordinal);
            var end = close < 0 ? text.Length : ClosingEnd(text, close);
            extents.Add(new ActionExtent(start, end, IsComment: true));
            start = end - 2;
        }
    }

    private static int ClosingEnd(string text, int from)
    {
        var close = text.IndexOf("}}", from, StringComparison.Ordinal);
        return close < 0 ? text.Length : close + 2;
    }

    /// <summary>What a value is, as far as values go: the root context, a values path, or anything else.</summary>
    private readonly record struct Dot(bool IsRoot, string? Path)
    {
        public static readonly Dot Root = new(true, null);
        public static readonly Dot Other = new(false, null);

        public static Dot Values(string path) => new(false, path);

        /// <summary>The value reached by the fields <paramref name="fields"/> from this one.</summary>
        public Dot Field(IReadOnlyList<string> fields)
        {
            if (fields.Count == 0)
            {
                return this;
            }

            if (IsRoot)
            {
                return fields[0] == "Values" ? Values(string.Join('.', fields.Skip(1))) : Other;
            }

            return Path is null ? Other : Values(string.Join('.', Path.Length == 0 ? fields : fields.Prepend(Path)));
        }
    }

    /// <summary>Walks a tree following the dot and the variables; reports each values path read at its position.</summary>
    private sealed class Walker(TemplateValuesReads analysis, Action<int, string> read, int depth)
    {
        public void List(ListNode? list, Dot dot, Dictionary<string, Dot> variables)
        {
            if (list is null)
            {
                return;
            }

            foreach (var node in list.Nodes)
            {
                switch (node)
                {
                    case ActionNode action:
                        Pipe(action.Pipe, dot, variables);
                        break;
                    case BranchNode branch:
                        var inner = new Dictionary<string, Dot>(variables, StringComparer.Ordinal);
                        var value = Pipe(branch.Pipe, dot, inner);
                        var bodyDot = branch.Kind == BranchKind.If ? dot : value;
                        if (branch.Kind == BranchKind.Range && branch.Pipe.Decl.Count == 2)
                        {
                            // {{ range $k, $v := .Values.x }}: the key is not a value; the element is.
                            inner[branch.Pipe.Decl[0].Ident[0]] = Dot.Other;
                            inner[branch.Pipe.Decl[1].Ident[0]] = value;
                        }

                        List(branch.List, bodyDot, inner);
                        List(branch.ElseList, dot, new Dictionary<string, Dot>(variables, StringComparer.Ordinal));
                        break;
                    case TemplateNode template:
                        var argument = template.Pipe is null ? Dot.Other : Pipe(template.Pipe, dot, variables, report: false);
                        Helper(template.Name, argument, template.Pos);
                        break;
                }
            }
        }

        /// <param name="report">False when the pipeline's value is only handed to a helper as its dot: the helper
        /// reads what it reads of it, the call itself reads nothing.</param>
        private Dot Pipe(PipeNode pipe, Dot dot, Dictionary<string, Dot> variables, bool report = true)
        {
            var result = Dot.Other;
            foreach (var command in pipe.Cmds)
            {
                result = Command(command, dot, variables, report);
            }

            foreach (var declared in pipe.Decl)
            {
                variables[declared.Ident[0]] = result;
            }

            return result;
        }

        private Dot Command(CommandNode command, Dot dot, Dictionary<string, Dot> variables, bool report)
        {
            var isInclude = command.Args is [IdentifierNode { Ident: "include" }, StringNode, _, ..];
            Dot first = Dot.Other, includeArgument = Dot.Other;
            for (var i = 0; i < command.Args.Count; i++)
            {
                var value = Argument(command.Args[i], dot, variables, report && !(isInclude && i == 2));
                if (i == 0)
                {
                    first = value;
                }
                else if (i == 2)
                {
                    includeArgument = value;
                }
            }

            if (isInclude)
            {
                Helper(((StringNode)command.Args[1]).Text, includeArgument, command.Pos);
            }

            // A single operand passes its value on; a function's result is not a values path any more.
            return command.Args.Count == 1 && command.Args[0] is not IdentifierNode ? first : Dot.Other;
        }

        private Dot Argument(Node node, Dot dot, Dictionary<string, Dot> variables, bool report)
        {
            var value = node switch
            {
                DotNode => dot,
                FieldNode field => dot.Field(field.Ident),
                VariableNode variable => variables.GetValueOrDefault(variable.Ident[0], Dot.Other).Field(variable.Ident[1..]),
                ChainNode chain => Argument(chain.Node, dot, variables, report: false).Field(chain.Field),
                PipeNode pipe => Pipe(pipe, dot, new Dictionary<string, Dot>(variables, StringComparer.Ordinal), report),
                _ => Dot.Other,
            };
            if (report && value.Path is { } path && node is not PipeNode)
            {
                read(node.Pos, path);
            }

            return value;
        }

        private void Helper(string name, Dot argument, int pos)
        {
            if (argument.Path is null && !argument.IsRoot || depth >= MaxIncludeDepth || !analysis._defines.TryGetValue(name, out var tree))
            {
                return;
            }

            var key = (name, argument);
            if (!analysis._helperReads.TryGetValue(key, out var paths))
            {
                // Marked before walking, so a recursive helper ends instead of looping.
                analysis._helperReads[key] = paths = new HashSet<string>(StringComparer.Ordinal);
                new Walker(analysis, (_, path) => paths.Add(path), depth + 1)
                    .List(tree.Root, argument, new Dictionary<string, Dot>(StringComparer.Ordinal) { ["$"] = argument });
            }

            foreach (var path in paths)
            {
                read(pos, path);
            }
        }
    }
}
