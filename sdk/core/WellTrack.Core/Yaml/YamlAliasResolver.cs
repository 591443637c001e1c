using YamlDotNet.Core;

namespace WellTrack.Core.Yaml;

/// <summary>
/// The resolved view of a document, as Kubernetes reads it and as YamlDotNet's representation model (the validator's
/// former reader) built it: an alias stands for its anchored node (the same object, so positions point at the
/// anchor), an alias to an anchor defined later in the document is resolved when the document ends, and a repeated
/// key is refused. Failures are <see cref="YamlException"/>s with the representation model's wording and positions,
/// which the validator's diagnostics carry.
/// </summary>
internal sealed class YamlAliasResolver
{
    private readonly Dictionary<string, YamlSourceNode> _anchors = new(StringComparer.Ordinal);
    private readonly List<string> _openAnchors = [];
    private readonly List<Action> _pending = [];

    /// <summary>The node an alias stands for, or the alias itself when its anchor comes later (see <see cref="Defer"/>).</summary>
    public YamlSourceNode Resolve(YamlSourceAlias alias)
    {
        if (_openAnchors.Contains(alias.Name))
        {
            // The representation model built a cyclic graph here, which every reader then recursed into forever.
            throw new YamlException(StartOf(alias), StartOf(alias), $"The alias *{alias.Name} refers to a node that contains it");
        }

        return _anchors.GetValueOrDefault(alias.Name) ?? alias;
    }

    /// <summary>An anchored collection is open while its children are read.</summary>
    public void Open(string? anchor)
    {
        if (anchor is not null)
        {
            _openAnchors.Add(anchor);
        }
    }

    public void Define(YamlSourceNode node)
    {
        if (node.Anchor is { } anchor)
        {
            _openAnchors.Remove(anchor);
            _anchors[anchor] = node;
        }
    }

    /// <summary>Replaces, when the document ends, an alias left in <paramref name="slot"/> of a collection.</summary>
    public void Defer(YamlSourceAlias alias, Action<YamlSourceNode> slot) => _pending.Add(() => slot(Lookup(alias)));

    public static void CheckRoot(YamlSourceNode root)
    {
        if (root is YamlSourceAlias)
        {
            throw new YamlException("A document cannot contain only an alias");
        }
    }

    /// <summary>Resolves the deferred aliases (in the order the representation model did) and forgets the anchors.</summary>
    public void EndDocument()
    {
        foreach (var resolve in _pending)
        {
            resolve();
        }

        _pending.Clear();
        _anchors.Clear();
        _openAnchors.Clear();
    }

    /// <summary>Refuses a key equal to an earlier one of the same mapping (at the repeated key, as YamlDotNet did).</summary>
    public static void RefuseDuplicate(IReadOnlyList<YamlSourceEntry> entries, YamlSourceNode key)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (YamlSourceEquality.Same(entries[i].Key, key))
            {
                throw new YamlException(StartOf(key), StartOf(key), $"Duplicate key {YamlSourceEquality.Describe(key)}");
            }
        }
    }

    private YamlSourceNode Lookup(YamlSourceAlias alias)
        => _anchors.GetValueOrDefault(alias.Name)
           // The representation model's placeholder had no position of its own: it reported the file's start.
           ?? throw new AnchorNotFoundException(Mark.Empty, Mark.Empty, $"The anchor '{alias.Name}' does not exists");

    private static Mark StartOf(YamlSourceNode node) => new(node.StartIndex, node.Line, node.Column);
}
