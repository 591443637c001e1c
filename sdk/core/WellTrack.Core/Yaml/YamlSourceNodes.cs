using YamlDotNet.Core;

namespace WellTrack.Core.Yaml;

/// <summary>
/// A node of the parsed file with the character span it occupies. YamlDotNet's representation model is not used
/// because it resolves aliases and rejects duplicate keys, both of which the editor must see to refuse them.
/// </summary>
internal abstract class YamlSourceNode(Mark start, int endIndex, string? anchor, string? tag)
{
    /// <summary>UTF-16 offset of the first character (of the anchor or tag when there is one).</summary>
    public int StartIndex { get; } = (int)start.Index;

    /// <summary>UTF-16 offset just after the node's last character.</summary>
    public int EndIndex { get; } = endIndex;

    public int Line { get; } = (int)start.Line;

    public int Column { get; } = (int)start.Column;

    public string? Anchor { get; } = anchor;

    public string? Tag { get; } = tag;

    /// <summary>How messages name this kind of node ("a mapping", "a scalar", ...).</summary>
    public abstract string KindName { get; }
}

internal sealed class YamlSourceScalar(Mark start, Mark end, string? anchor, string? tag, string value, ScalarStyle style)
    : YamlSourceNode(start, (int)end.Index, anchor, tag)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public int EndLine { get; } = (int)end.Line;

    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;

    private ScalarKind? _kind;

    /// <summary>What Kubernetes and Helm read the scalar as (YAML 1.1 typing), worked out once: the validator asks it of
    /// every field it reads, and the typing runs regular expressions.</summary>
    public ScalarKind Kind => _kind ??= YamlScalarTyping.Classify(Value, Style, Tag);

    /// <summary>A scalar YAML reads as a number, a boolean or null; such a value is never a credential.</summary>
    public bool IsNonString => Kind != ScalarKind.String;

    public override string KindName => IsBlock ? "a block scalar" : "a scalar";
}

internal sealed record YamlSourceEntry(YamlSourceNode Key, YamlSourceNode Value);

internal sealed class YamlSourceMapping(Mark start, int endIndex, string? anchor, string? tag, bool isFlow, IReadOnlyList<YamlSourceEntry> entries)
    : YamlSourceNode(start, endIndex, anchor, tag)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<YamlSourceEntry> Entries { get; } = entries;

    /// <summary>The value of the first entry whose key is the scalar <paramref name="key"/>.</summary>
    public YamlSourceNode? this[string key] => EntryOf(key)?.Value;

    /// <summary>The first entry whose key is the scalar <paramref name="key"/>. A loop, not LINQ: the validator asks
    /// this for every field it reads, and a closure per call showed in its allocations.</summary>
    public YamlSourceEntry? EntryOf(string key)
    {
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Key is YamlSourceScalar scalar && scalar.Value == key)
            {
                return Entries[i];
            }
        }

        return null;
    }

    public string? ScalarValue(string key) => this[key] is YamlSourceScalar scalar ? scalar.Value : null;

    public override string KindName => "a mapping";
}

internal sealed class YamlSourceSequence(Mark start, int endIndex, string? anchor, string? tag, bool isFlow, IReadOnlyList<YamlSourceNode> items)
    : YamlSourceNode(start, endIndex, anchor, tag)
{
    public bool IsFlow { get; } = isFlow;

    public IReadOnlyList<YamlSourceNode> Items { get; } = items;

    public override string KindName => "a sequence";
}

internal sealed class YamlSourceAlias(Mark start, Mark end, string name)
    : YamlSourceNode(start, (int)end.Index, anchor: null, tag: null)
{
    public string Name { get; } = name;

    public override string KindName => $"an alias (*{Name})";
}

/// <summary>A parsed single-document file: its root (null when empty) and the inline comments by line.</summary>
internal sealed record YamlSourceDocument(YamlSourceText Source, YamlSourceNode? Root, IReadOnlyDictionary<int, string> LineComments)
{
    public string? LineCommentOf(YamlSourceScalar scalar) => LineComments.GetValueOrDefault(scalar.EndLine);
}
