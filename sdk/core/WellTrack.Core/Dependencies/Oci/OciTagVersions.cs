using System.Text.RegularExpressions;

namespace WellTrack.Core.Dependencies.Oci;

/// <summary>
/// Chart versions and OCI tags. A tag cannot hold <c>+</c>, so Helm pushes <c>1.2.3+build</c> as the tag
/// <c>1.2.3_build</c>; listing versions, Helm turns <c>_</c> back into <c>+</c> and keeps only strict SemVer 2
/// (Masterminds' <c>StrictNewVersion</c>), so image tags in the same repository (<c>latest</c>, <c>v1</c>) are ignored.
/// </summary>
internal static partial class OciTagVersions
{
    /// <summary>The chart version a tag stands for, or null when it is not a chart version.</summary>
    public static string? VersionOf(string tag)
    {
        var version = tag.Replace('_', '+');
        return StrictSemVer().IsMatch(version) ? version : null;
    }

    /// <summary>The tag Helm pushes version <paramref name="version"/> under.</summary>
    public static string TagOf(string version) => version.Replace('+', '_');

    // semver.org's own pattern for SemVer 2.0.0: no leading zeros, no "v", three numbers.
    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex StrictSemVer();
}
