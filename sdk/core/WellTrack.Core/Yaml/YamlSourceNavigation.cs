using System.Globalization;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Null-tolerant navigation of a resolved tree (<see cref="YamlSourceParser.TryParseResolved"/>) for readers that
/// want Kubernetes' view: a missing field, a field of another shape and a null all read as "nothing there".
/// </summary>
internal static class YamlSourceNavigation
{
    /// <summary>The value of <paramref name="key"/> when <paramref name="node"/> is a mapping that has it.</summary>
    public static YamlSourceNode? Child(this YamlSourceNode? node, string key) => (node as YamlSourceMapping)?[key];

    public static YamlSourceNode? Path(this YamlSourceNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            node = node.Child(key);
        }

        return node;
    }

    /// <summary>The key node of <paramref name="key"/> in a mapping (where "this field" is written).</summary>
    public static YamlSourceNode? KeyNode(this YamlSourceNode? node, string key)
        => (node as YamlSourceMapping)?.EntryOf(key)?.Key;

    /// <summary>The scalar's text, or null for a missing node, a null scalar, a mapping or a sequence.</summary>
    public static string? Text(this YamlSourceNode? node)
        => node is YamlSourceScalar scalar && scalar.Kind != ScalarKind.Null ? scalar.Value : null;

    public static bool IsNull(this YamlSourceNode? node) => node is null || (node is YamlSourceScalar scalar && scalar.Kind == ScalarKind.Null);

    public static IEnumerable<YamlSourceNode> Items(this YamlSourceNode? node)
        => node is YamlSourceSequence sequence ? sequence.Items : [];

    /// <summary>The entries of a mapping whose keys are scalars, by key text.</summary>
    public static IEnumerable<(string Key, YamlSourceNode Value)> NamedEntries(this YamlSourceNode? node)
    {
        if (node is not YamlSourceMapping mapping)
        {
            yield break;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (key is YamlSourceScalar scalar)
            {
                yield return (scalar.Value, value);
            }
        }
    }

    /// <summary>String-valued mapping (labels, selectors); non-scalar values are skipped.</summary>
    public static Dictionary<string, string> StringMap(this YamlSourceNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.NamedEntries())
        {
            if (value is YamlSourceScalar scalar)
            {
                map[key] = scalar.Value;
            }
        }

        return map;
    }

    public static bool IsTrue(this YamlSourceNode? node)
        => node is YamlSourceScalar { Kind: ScalarKind.Boolean } scalar && YamlScalarTyping.BooleanValue(scalar.Value);

    public static bool IsFalse(this YamlSourceNode? node)
        => node is YamlSourceScalar { Kind: ScalarKind.Boolean } scalar && !YamlScalarTyping.BooleanValue(scalar.Value);

    /// <summary>An integer scalar written in decimal, as a number.</summary>
    public static bool TryInteger(this YamlSourceNode? node, out long value)
    {
        value = 0;
        return node is YamlSourceScalar { Kind: ScalarKind.Integer } scalar
               && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>What a node is, in words, for messages ("a number", "a mapping").</summary>
    public static string Describe(this YamlSourceNode node) => node switch
    {
        YamlSourceMapping => "a mapping",
        YamlSourceSequence => "a list",
        YamlSourceScalar scalar => scalar.Kind switch
        {
            ScalarKind.Boolean => $"the boolean {scalar.Value}",
            ScalarKind.Integer or ScalarKind.Float => $"the number {scalar.Value}",
            ScalarKind.Null => "null",
            _ => $"the string \"{Shorten(scalar.Value)}\"",
        },
        _ => "an alias",
    };

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
