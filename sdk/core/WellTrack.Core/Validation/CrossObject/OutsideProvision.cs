using WellTrack.Core.Validation.Objects;
using WellTrack.Core.Yaml;

namespace WellTrack.Core.Validation.CrossObject;

/// <summary>
/// Why an object a pod refers to, which the release does not create, may still exist when the pod starts: its name
/// came from a value (the <c>existingSecret</c> convention: the user names an object made outside the release), or
/// something in the release may create it at run time (a Job whose Role may create Secrets, as an admission webhook's
/// certificate generator does). Such a reference is a warning (WT3222); without either reason it is an error.
/// </summary>
internal sealed class OutsideProvision
{
    private readonly Dictionary<string, string?> _runtimeCreators = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ManifestObject> _objects;

    public OutsideProvision(IReadOnlyList<ManifestObject> objects) => _objects = objects;

    /// <summary>The reason the object may exist without the release creating it, or null when nothing can provide it.</summary>
    /// <param name="resource">The RBAC resource of the kind: <c>secrets</c>, <c>configmaps</c>, <c>serviceaccounts</c>.</param>
    public string? Reason(SourceMapping nameAt, string resource)
    {
        if (nameAt.ValuesPath is { } valuesPath)
        {
            return $"its name comes from the value {valuesPath}, so it is expected to exist outside the release";
        }

        if (!_runtimeCreators.TryGetValue(resource, out var creator))
        {
            _runtimeCreators[resource] = creator = RuntimeCreator(resource);
        }

        return creator is null ? null : $"{creator} of the release may create {resource} at run time";
    }

    /// <summary>A Role or ClusterRole of the release that grants <c>create</c> on the resource in the core group.</summary>
    private string? RuntimeCreator(string resource)
    {
        foreach (var role in _objects.Where(o => o.Kind is "Role" or "ClusterRole" && o.Group == "rbac.authorization.k8s.io"))
        {
            foreach (var rule in role.Root.Child("rules").Items())
            {
                if (Lists(rule, "apiGroups", string.Empty) && Lists(rule, "resources", resource) && Lists(rule, "verbs", "create"))
                {
                    return role.Reference;
                }
            }
        }

        return null;
    }

    private static bool Lists(YamlSourceNode rule, string field, string wanted)
        => rule.Child(field).Items().Any(item => item.Text() is { } text && (text == wanted || text == "*"));
}
