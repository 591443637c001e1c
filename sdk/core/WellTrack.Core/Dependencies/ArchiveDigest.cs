using System.Security.Cryptography;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Dependencies;

/// <summary>The <c>sha256:&lt;hex&gt;</c> digest of an archive, and its check against what a repository states.</summary>
public static class ArchiveDigest
{
    public static string Of(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    /// <exception cref="DiagnosticException">WT3410 when <paramref name="entry"/> states another digest.</exception>
    public static void Verify(byte[] data, ChartSourceEntry entry, string repository)
    {
        if (entry.Digest is not { Length: > 0 } expected)
        {
            return;
        }

        var actual = Of(data);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3410, entry.Name, repository, entry.Version, actual, expected);
        }
    }
}
