namespace WellTrack.Core.Yaml;

/// <summary>Where a path leads in a document: an editable scalar, or the place a missing key would go.</summary>
internal abstract record YamlPathTarget(YamlPath Path);

/// <summary>The path names an existing plain or quoted scalar in <paramref name="Parent"/>.</summary>
internal sealed record ExistingScalarTarget(YamlPath Path, YamlSourceScalar Scalar, YamlSourceMapping Parent)
    : YamlPathTarget(Path);

/// <summary>
/// The first <paramref name="ExistingDepth"/> keys of the path exist and end at <paramref name="Parent"/>; the key
/// after them does not. <paramref name="ParentKey"/> is the key holding <paramref name="Parent"/> (null at the root).
/// </summary>
internal sealed record MissingKeyTarget(YamlPath Path, YamlSourceMapping Parent, YamlSourceNode? ParentKey, int ExistingDepth)
    : YamlPathTarget(Path)
{
    public IEnumerable<string> MissingSegments => Path.Segments.Skip(ExistingDepth);
}
