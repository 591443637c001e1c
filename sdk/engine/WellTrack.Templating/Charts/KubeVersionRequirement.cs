using WellTrack.Templating.Semver;

namespace WellTrack.Templating.Charts;

/// <summary>
/// Chart.yaml's <c>kubeVersion</c> as Helm checks it before rendering (chartutil.IsCompatibleRange): a Masterminds
/// constraint against the Kubernetes version normalised as <c>.Capabilities.KubeVersion</c> gives it. A pre-release
/// Kubernetes version (<c>v1.30.2-eks</c>) satisfies only a constraint written with a pre-release, hence the
/// <c>&gt;=1.30.0-0</c> idiom. The one implementation: the renderer and the chart rules both ask here.
/// </summary>
public static class KubeVersionRequirement
{
    /// <summary>
    /// True when <paramref name="kubeVersion"/> satisfies <paramref name="constraint"/>, false when it does not;
    /// null when the constraint or the version is not understood (Helm then refuses to render, as it does on false).
    /// </summary>
    public static bool? IsCompatible(string constraint, string kubeVersion)
    {
        if (!SemverConstraint.TryParse(constraint, out var parsed))
        {
            return null;
        }

        string normalised;
        try
        {
            normalised = KubeCapabilities.ParseKubeVersion(kubeVersion).Version;
        }
        catch (ChartLoadException)
        {
            return null;
        }

        return SemanticVersion.TryParse(normalised, out var version) ? parsed.Check(version) : null;
    }
}
