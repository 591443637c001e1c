namespace WellTrack.Core.Yaml;

/// <summary>
/// When two mapping keys are the same key, and how a key is named in a duplicate-key message: by tag and value, and
/// structurally for collections, as YamlDotNet's representation model compared and printed them (the validator's
/// WT3115 messages keep that wording).
/// </summary>
internal static class YamlSourceEquality
{
    public static bool Same(YamlSourceNode a, YamlSourceNode b) => (a, b) switch
    {
        _ when ReferenceEquals(a, b) => true,
        (YamlSourceScalar x, YamlSourceScalar y) => x.Tag == y.Tag && x.Value == y.Value,
        (YamlSourceAlias x, YamlSourceAlias y) => x.Name == y.Name,
        (YamlSourceSequence x, YamlSourceSequence y) => x.Tag == y.Tag && x.Items.Count == y.Items.Count
            && x.Items.Zip(y.Items).All(pair => Same(pair.First, pair.Second)),
        (YamlSourceMapping x, YamlSourceMapping y) => x.Tag == y.Tag && x.Entries.Count == y.Entries.Count
            && x.Entries.All(entry => y.Entries.Any(other => Same(entry.Key, other.Key) && Same(entry.Value, other.Value))),
        _ => false,
    };

    public static string Describe(YamlSourceNode node) => node switch
    {
        YamlSourceScalar scalar => scalar.Value,
        YamlSourceSequence sequence => $"[ {string.Join(", ", sequence.Items.Select(Describe))} ]",
        YamlSourceMapping mapping => $"{{ {string.Join(", ", mapping.Entries.Select(e => $"{{ {Describe(e.Key)}, {Describe(e.Value)} }}"))} }}",
        _ => $"*{((YamlSourceAlias)node).Name}",
    };
}
