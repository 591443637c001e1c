using System.Text;

namespace WellTrack.Core.Secrets.Providers;

/// <summary>
/// Offline checks some providers build into their tokens, so a value of the right shape but made up (a truncated
/// token, a typo, a hand-written fake) is told from one the provider issued.
/// </summary>
public static class TokenChecksums
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly uint[] Crc32Table = BuildCrc32Table();

    /// <summary>
    /// GitHub's scheme (ghp_, gho_, ghu_, ghs_, ghr_; npm_ uses the same): after the prefix, 30 random base62
    /// characters and the CRC32 of those 30 characters in base62, left-padded with '0' to 6 characters.
    /// </summary>
    public static bool HasValidCrc32Suffix(string token)
    {
        var underscore = token.IndexOf('_', StringComparison.Ordinal);
        if (underscore < 0 || token.Length - underscore - 1 != 36)
        {
            return false;
        }

        var body = token.AsSpan(underscore + 1);
        return body[30..].SequenceEqual(Crc32Base62(body[..30]));
    }

    /// <summary>The CRC32 (IEEE) of the ASCII characters, in base62, left-padded to 6 characters.</summary>
    public static string Crc32Base62(ReadOnlySpan<char> text)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in text)
        {
            crc = Crc32Table[(crc ^ (byte)c) & 0xFF] ^ (crc >> 8);
        }

        var value = crc ^ 0xFFFFFFFFu;
        Span<char> digits = stackalloc char[6];
        for (var i = 5; i >= 0; i--)
        {
            digits[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }

    /// <summary>
    /// A PyPI API token is <c>pypi-</c> and a base64url macaroon whose first field is its location: the decoded
    /// bytes start with version 2, field 1, the length, then <paramref name="location"/> (<c>pypi.org</c> or <c>test.pypi.org</c>).
    /// </summary>
    public static bool IsPyPiMacaroon(string token, string location)
    {
        const string prefix = "pypi-";
        if (!token.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var header = 3 + location.Length;
        var chars = (header + 2) / 3 * 4;
        if (token.Length < prefix.Length + chars)
        {
            return false;
        }

        var base64 = token.Substring(prefix.Length, chars).Replace('-', '+').Replace('_', '/');
        Span<byte> bytes = stackalloc byte[chars / 4 * 3];
        if (!Convert.TryFromBase64Chars(base64, bytes, out var written) || written < header)
        {
            return false;
        }

        return bytes[0] == 2 && bytes[1] == 1 && bytes[2] == location.Length
               && bytes.Slice(3, location.Length).SequenceEqual(Encoding.ASCII.GetBytes(location));
    }

    private static uint[] BuildCrc32Table()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
