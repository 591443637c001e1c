namespace WellTrack.Core.Validation.CustomResources;

/// <summary>
/// The custom resources that CustomResourceDefinitions found in the repository define, by group and kind, and what
/// they make the cluster serve. Immutable, so charts validated in parallel share it. When two definitions define the
/// same group and kind, the first one added wins; <see cref="With"/> puts a chart's own rendered definitions first.
/// </summary>
internal sealed class CustomResourceCatalog
{
    private readonly Dictionary<(string Group, string Kind), CustomResourceType> _types;

    private CustomResourceCatalog(Dictionary<(string Group, string Kind), CustomResourceType> types)
    {
        _types = types;
        ServedApiVersions = types.Values.SelectMany(t => t.ServedApiVersions).ToHashSet(StringComparer.Ordinal);
        ServedKinds = types.Values.SelectMany(t => t.ServedApiVersions.Select(v => $"{v}/{t.Kind}")).ToHashSet(StringComparer.Ordinal);
    }

    public static CustomResourceCatalog Empty { get; } = new([]);

    public bool IsEmpty => _types.Count == 0;

    /// <summary>Every "group/version" a definition serves: the API versions a cluster with these CRDs installed
    /// offers (Helm's <c>.Capabilities.APIVersions</c> holds these).</summary>
    public IReadOnlySet<string> ServedApiVersions { get; }

    /// <summary>Every "group/version/Kind" a definition serves (<c>.Capabilities.APIVersions</c> holds these too).</summary>
    public IReadOnlySet<string> ServedKinds { get; }

    public IEnumerable<CustomResourceType> Types => _types.Values;

    public static CustomResourceCatalog From(IEnumerable<CustomResourceType> types)
    {
        var byKind = new Dictionary<(string, string), CustomResourceType>();
        foreach (var type in types)
        {
            byKind.TryAdd((type.Group, type.Kind), type);
        }

        return byKind.Count == 0 ? Empty : new CustomResourceCatalog(byKind);
    }

    /// <summary>The definition of <paramref name="group"/>/<paramref name="kind"/>, or null.</summary>
    public CustomResourceType? Find(string group, string kind)
        => _types.Count == 0 ? null : _types.GetValueOrDefault((group, kind));

    /// <summary>This catalog with <paramref name="first"/> taking precedence (a chart's rendered definitions).</summary>
    public CustomResourceCatalog With(IReadOnlyCollection<CustomResourceType> first)
        => first.Count == 0 ? this : From(first.Concat(_types.Values));
}
