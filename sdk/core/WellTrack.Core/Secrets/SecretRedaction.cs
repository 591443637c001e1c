using System.Security.Cryptography;
using System.Text;

namespace WellTrack.Core.Secrets;

/// <summary>What may be shown of a secret: a short prefix (never more than a quarter of it) and a fingerprint.</summary>
public static class SecretRedaction
{
    public const string Marker = "…[redacted]";

    /// <summary><c>GOCSPX-abc…</c> becomes <c>GOCS…[redacted]</c>; short secrets show less, very short ones nothing.</summary>
    public static string Redact(string secret)
    {
        var visible = secret.Length switch
        {
            >= 16 => 4,
            >= 8 => 2,
            _ => 0,
        };
        return secret[..visible] + Marker;
    }

    /// <summary>Lowercase hex SHA-256 of code, relative path ('/' separators) and secret, separated by NUL.</summary>
    public static string Fingerprint(string code, string relativePath, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes($"{code}\0{relativePath.Replace('\\', '/')}\0{secret}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
