using System.Globalization;

namespace WellTrack.Core.Yaml;

/// <summary>
/// What a document says, independent of how it is laid out: one fact per node (every key, value, collection)
/// keyed by its position in the tree. Two snapshots are equal when the documents hold the same data with the same
/// quoting, anchors and tags, whatever the offsets.
/// </summary>
internal sealed class YamlSnapshot
{
    private readonly Dictionary<string, NodeFact> _facts;

    private YamlSnapshot(Dictionary<string, NodeFact> facts, Dictionary<string, YamlSourceNode> nodes)
    {
        _facts = facts;
        Nodes = nodes;
    }

    /// <summary>The source node behind each fact, to point a diagnostic at it.</summary>
    public IReadOnlyDictionary<string, YamlSourceNode> Nodes { get; }

    public IReadOnlyDictionary<string, NodeFact> Facts => _facts;

    /// <summary>
    /// One node. <see cref="Style"/> null means "any style", used for values the editor wrote itself. Mappings and
    /// sequences carry their entry count in <see cref="Value"/>.
    /// </summary>
    internal sealed record NodeFact(string Kind, string? Value, string? Style, string? Anchor = null, string? Tag = null)
    {
        public bool Matches(NodeFact actual)
            => Kind == actual.Kind && Value == actual.Value && Anchor == actual.Anchor && Tag == actual.Tag
               && (Style is null || Style == actual.Style);

        public override string ToString()
            => $"{Kind} {(Value is null ? "" : $"'{Value}'")}{(Style is null ? "" : $" ({Style})")}"
               + $"{(Anchor is null ? "" : $" &{Anchor}")}{(Tag is null ? "" : $" !{Tag}")}";
    }

    public static YamlSnapshot Of(YamlSourceDocument document)
    {
        var facts = new Dictionary<string, NodeFact>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, YamlSourceNode>(StringComparer.Ordinal);
        if (document.Root is { } root)
        {
            Record(root, string.Empty, facts, nodes);
        }

        return new YamlSnapshot(facts, nodes);
    }

    public YamlSnapshot Copy() => new(new Dictionary<string, NodeFact>(_facts, StringComparer.Ordinal), new Dictionary<string, YamlSourceNode>());

    /// <summary>Key of the value stored under <paramref name="key"/> in the mapping at <paramref name="mappingKey"/>.</summary>
    public static string ValueKey(string mappingKey, string key) => $"{mappingKey}/{EscapeKey(key)}";

    /// <summary>Escapes the characters that structure snapshot keys, so that no key text can imitate another position.</summary>
    private static string EscapeKey(string key)
    {
        var escaped = new System.Text.StringBuilder(key.Length);
        foreach (var c in key)
        {
            escaped.Append(c is '\\' or '/' or '{' or '[' or '#' ? "\\" + c : c.ToString());
        }

        return escaped.ToString();
    }

    /// <summary>Key of the <paramref name="index"/>th key (not value) of a mapping: it records key order and key style.</summary>
    public static string KeyKey(string mappingKey, int index) => string.Create(CultureInfo.InvariantCulture, $"{mappingKey}{{key {index}}}");

    public static string ItemKey(string sequenceKey, int index) => string.Create(CultureInfo.InvariantCulture, $"{sequenceKey}[{index}]");

    public void Set(string key, NodeFact fact) => _facts[key] = fact;

    private static void Record(YamlSourceNode node, string key, Dictionary<string, NodeFact> facts, Dictionary<string, YamlSourceNode> nodes)
    {
        // A duplicate key would land on the same position; keep both, numbered, so neither hides the other.
        var unique = key;
        for (var n = 2; facts.ContainsKey(unique); n++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{key}#{n}");
        }

        facts[unique] = FactOf(node);
        nodes[unique] = node;
        switch (node)
        {
            case YamlSourceMapping mapping:
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    var entry = mapping.Entries[i];
                    Record(entry.Key, KeyKey(unique, i), facts, nodes);
                    var name = entry.Key is YamlSourceScalar scalar ? scalar.Value : $"{{complex key {i}}}";
                    Record(entry.Value, ValueKey(unique, name), facts, nodes);
                }

                break;
            case YamlSourceSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Record(sequence.Items[i], ItemKey(unique, i), facts, nodes);
                }

                break;
        }
    }

    private static NodeFact FactOf(YamlSourceNode node) => node switch
    {
        YamlSourceScalar scalar => new NodeFact("scalar", scalar.Value, scalar.Style.ToString(), node.Anchor, node.Tag),
        YamlSourceMapping mapping => new NodeFact("mapping", Count(mapping.Entries.Count), mapping.IsFlow ? "flow" : "block", node.Anchor, node.Tag),
        YamlSourceSequence sequence => new NodeFact("sequence", Count(sequence.Items.Count), sequence.IsFlow ? "flow" : "block", node.Anchor, node.Tag),
        YamlSourceAlias alias => new NodeFact("alias", alias.Name, null),
        _ => throw new InvalidOperationException($"Unknown node type {node.GetType().Name}."),
    };

    public static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
