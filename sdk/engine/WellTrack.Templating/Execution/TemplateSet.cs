using WellTrack.Templating.Parsing;

namespace WellTrack.Templating.Execution;

/// <summary>
/// Go's *template.Template "common" part: every named template parsed so far plus the function table. Parsing
/// follows Go's association rule: a later non-empty definition replaces an earlier one (so the last parsed
/// <c>define</c> wins, as Helm relies on), an empty one never replaces a non-empty one.
/// </summary>
public sealed class TemplateSet
{
    private readonly Dictionary<string, ParsedTree> _templates;

    public TemplateSet(IReadOnlyDictionary<string, GoFunction> functions)
    {
        Functions = functions;
        _templates = new Dictionary<string, ParsedTree>(StringComparer.Ordinal);
    }

    private TemplateSet(IReadOnlyDictionary<string, GoFunction> functions, Dictionary<string, ParsedTree> templates)
    {
        Functions = functions;
        _templates = templates;
    }

    public IReadOnlyDictionary<string, GoFunction> Functions { get; }

    public IEnumerable<string> Names => _templates.Keys;

    public bool Contains(string name) => _templates.ContainsKey(name);

    internal ParsedTree? Lookup(string name) => _templates.TryGetValue(name, out var t) ? t : null;

    /// <summary>Parses <paramref name="text"/> as template <paramref name="name"/> (Go's t.New(name).Parse(text)).</summary>
    /// <exception cref="TemplateParseException">With Go's wording.</exception>
    public void Parse(string name, string text) => ParseTree(name, text);

    /// <summary>
    /// Parses <paramref name="text"/> as template <paramref name="name"/> and returns
    /// the new template object's own tree. Like Go, an empty tree does not replace a non-empty definition of the same
    /// name in the set, yet the new object still holds (and executes) its empty tree: that is what tpl runs.
    /// </summary>
    /// <exception cref="TemplateParseException">With Go's wording.</exception>
    internal ParsedTree? ParseTree(string name, string text)
    {
        var trees = Parser.Parse(name, text, Functions.ContainsKey);
        foreach (var (treeName, tree) in trees)
        {
            if (_templates.TryGetValue(treeName, out var old) && tree.IsEmpty && !old.IsEmpty)
            {
                continue;
            }

            _templates[treeName] = tree;
        }

        return trees.GetValueOrDefault(name);
    }

    /// <summary>A copy sharing the parsed trees, for <c>tpl</c>, whose definitions must not leak back.</summary>
    public TemplateSet Clone() => new(Functions, new Dictionary<string, ParsedTree>(_templates, StringComparer.Ordinal));
}
