using System.Collections.Concurrent;

namespace WellTrack.Core.Validation.Objects;

/// <summary>
/// What a cluster of a given Kubernetes version lists in discovery, as <c>.Capabilities.APIVersions</c> holds it when
/// Helm talks to a cluster (and when Argo CD renders for its destination): every built-in group/version, and each
/// kind as <c>group/version/Kind</c>. Validation renders with this list rather than <c>helm template</c>'s offline
/// one, which lacks groups such as <c>apiregistration.k8s.io/v1</c> and so makes charts pick APIs no cluster serves.
/// </summary>
internal static class ClusterApiVersions
{
    private static readonly ConcurrentDictionary<KubernetesVersion, IReadOnlyList<string>> Cache = new();

    /// <summary>Built-in APIs served by default in <paramref name="target"/>: the kinds the models know, less those
    /// introduced later, plus those removed later; alpha versions are left out (a cluster serves them only when
    /// switched on).</summary>
    public static IReadOnlyList<string> BuiltIn(KubernetesVersion target) => Cache.GetOrAdd(target, Compute);

    private static List<string> Compute(KubernetesVersion target)
    {
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in KubernetesSchemaTable.ModelKinds.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var groupVersionKind = line[..line.IndexOf(' ', StringComparison.Ordinal)];
            var slash = groupVersionKind.LastIndexOf('/');
            var apiVersion = groupVersionKind[..slash];
            var kind = groupVersionKind[(slash + 1)..];
            if (!IsAlpha(apiVersion)
                && !(ApiVersionTable.FindIntroduction(apiVersion, kind) is { } introduction && target < introduction.ServedFrom)
                && !(ApiVersionTable.FindRemoval(apiVersion, kind) is { } removal && target >= removal.RemovedIn))
            {
                kinds.Add(groupVersionKind);
            }
        }

        foreach (var removal in ApiVersionTable.AllRemovals.Where(r => target < r.RemovedIn && !IsAlpha(r.ApiVersion)))
        {
            kinds.Add(removal.Kind == "*" ? removal.ApiVersion : removal.ApiVersion + "/" + removal.Kind);
        }

        var apiVersions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in kinds)
        {
            var slash = entry.LastIndexOf('/');
            apiVersions.Add(IsGroupVersion(entry) ? entry : entry[..slash]);
        }

        return [.. apiVersions, .. kinds.Where(k => !IsGroupVersion(k))];
    }

    /// <summary>"v1", "apps/v1": a group/version rather than a group/version/Kind (a kind starts upper-case).</summary>
    private static bool IsGroupVersion(string entry)
    {
        var last = entry[(entry.LastIndexOf('/') + 1)..];
        return last.Length > 0 && !char.IsUpper(last[0]);
    }

    private static bool IsAlpha(string apiVersion) => apiVersion[(apiVersion.LastIndexOf('/') + 1)..].Contains("alpha", StringComparison.Ordinal);
}
