using NuGet.Versioning;

namespace WellTrack.Core.Bump;

/// <summary>
/// Compares tags that are SemVer versions (<c>1.4.2</c>, <c>v2.0.0-rc.1</c>). Commit-id tags have no order of their
/// own; for them the build number decides.
/// </summary>
public static class TagVersionOrder
{
    /// <summary>True when both tags are versions and <paramref name="candidate"/> is lower than <paramref name="current"/>.</summary>
    public static bool IsDowngrade(string current, string candidate)
        => TryParse(current, out var currentVersion)
           && TryParse(candidate, out var candidateVersion)
           && VersionComparer.VersionRelease.Compare(candidateVersion, currentVersion) < 0;

    private static bool TryParse(string tag, out SemanticVersion version)
    {
        var text = tag.Length > 1 && tag[0] is 'v' or 'V' && char.IsAsciiDigit(tag[1]) ? tag[1..] : tag;
        // Only tags that really are versions: a 7-digit commit id like 1234567 must not parse as one.
        if (SemanticVersion.TryParse(text, out var parsed) && text.Contains('.', StringComparison.Ordinal))
        {
            version = parsed;
            return true;
        }

        version = null!;
        return false;
    }
}
