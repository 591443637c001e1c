using System.Globalization;
using System.Text.RegularExpressions;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Charts;

/// <summary>
/// <c>.Capabilities</c> as Helm v3.16 reports it offline: KubeVersion (Version, Major, Minor, GitVersion),
/// APIVersions.Has over the default group/versions plus any given, and HelmVersion.
/// </summary>
public static partial class KubeCapabilities
{
    public const string DefaultKubeVersion = "v1.31.0";

    /// <summary>The group/versions Helm v3.16 reports by default (client-go v0.31's scheme plus apiextensions).</summary>
    public static readonly IReadOnlyList<string> DefaultApiVersions =
    [
        "v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1", "admissionregistration.k8s.io/v1beta1",
        "internal.apiserver.k8s.io/v1alpha1", "apps/v1", "apps/v1beta1", "apps/v1beta2",
        "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1",
        "autoscaling/v1", "autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2", "batch/v1", "batch/v1beta1",
        "certificates.k8s.io/v1", "certificates.k8s.io/v1alpha1", "certificates.k8s.io/v1beta1",
        "coordination.k8s.io/v1", "coordination.k8s.io/v1alpha1", "coordination.k8s.io/v1beta1",
        "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1", "events.k8s.io/v1", "events.k8s.io/v1beta1", "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2",
        "flowcontrol.apiserver.k8s.io/v1beta3", "networking.k8s.io/v1", "networking.k8s.io/v1alpha1", "networking.k8s.io/v1beta1",
        "node.k8s.io/v1", "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1", "policy/v1", "policy/v1beta1",
        "rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1alpha1", "rbac.authorization.k8s.io/v1beta1",
        "resource.k8s.io/v1alpha3", "scheduling.k8s.io/v1", "scheduling.k8s.io/v1alpha1", "scheduling.k8s.io/v1beta1",
        "storage.k8s.io/v1", "storage.k8s.io/v1alpha1", "storage.k8s.io/v1beta1", "storagemigration.k8s.io/v1alpha1",
        "apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1",
    ];

    /// <summary>Normalises a kube version as Helm does (v prefix, three parts, leading zeros dropped).</summary>
    /// <exception cref="ChartLoadException">When it is not a version.</exception>
    public static (string Version, string Major, string Minor) ParseKubeVersion(string kube)
    {
        var m = GenericVersion().Match(kube);
        if (!m.Success)
        {
            throw new ChartLoadException($"invalid kube version {GoStrconv.Quote(kube)}: could not parse {GoStrconv.Quote(kube)} as version");
        }

        var parts = m.Groups[1].Value.Split('.').ToList();
        while (parts.Count < 3)
        {
            parts.Add("0");
        }

        parts = parts.Select(p => ulong.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : p).ToList();
        return ("v" + string.Join('.', parts) + m.Groups[2].Value, parts[0], parts[1]);
    }

    /// <param name="includeDefaults">False: <paramref name="apiVersions"/> is the whole list (a cluster's discovery).</param>
    public static GoObject Create(string kubeVersion, IEnumerable<string> apiVersions, bool includeDefaults = true)
    {
        var (version, major, minor) = ParseKubeVersion(kubeVersion);
        var apiVersionList = (includeDefaults ? DefaultApiVersions.Concat(apiVersions) : apiVersions).ToList();
        var kube = new GoStruct(
            "main.kubeVersion",
            [("Version", version), ("Major", major), ("Minor", minor)],
            new Dictionary<string, GoFunction>(StringComparer.Ordinal)
            {
                ["String"] = new("String", [], false, (_, _) => version),
                ["GitVersion"] = new("GitVersion", [], false, (_, _) => version),
            },
            stringer: version);
        var versionSet = ApiVersionSet(apiVersionList);
        var helmVersion = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Version"] = "v3.16.4", ["GitCommit"] = string.Empty, ["GitTreeState"] = string.Empty, ["GoVersion"] = "go1.22.12",
        };
        return new GoStruct("main.capabilities", [("KubeVersion", kube), ("APIVersions", versionSet), ("HelmVersion", helmVersion)]);
    }

    /// <summary>
    /// Helm's VersionSet: a named []string with Has. It is a slice to every list function (has, first, join, range,
    /// toJson...) as in Go, where Sprig reflects over the slice kind whatever the type's name.
    /// </summary>
    private static TypedList ApiVersionSet(List<string> versions)
    {
        var methods = new Dictionary<string, GoFunction>(1, StringComparer.Ordinal);
        var set = new TypedList("string", versions, "main.versionSet", methods);
        methods["Has"] = new("Has", [GoParam.String], false, (_, a) => set.Contains(a[0]));
        return set;
    }

    [GeneratedRegex(@"^\s*v?([0-9]+(?:\.[0-9]+){1,2})(.*?)\s*$")]
    private static partial Regex GenericVersion();
}
