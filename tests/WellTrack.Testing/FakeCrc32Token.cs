using System.Text;

namespace WellTrack.Testing;

/// <summary>
/// Fake tokens of the scheme GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) document: the prefix, 30 random
/// base62 characters and the CRC32 of those 30 characters in 6 base62 digits. Scanners that check the checksum (the
/// product's included) dismiss a made-up body, so every test that expects a finding makes its tokens here; the CRC is
/// computed bit by bit, with no table shared with the product's.
/// </summary>
public static class FakeCrc32Token
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A token that passes the checksum; its random part mixes upper case, lower case and digits.</summary>
    public static string Make(string prefix, Random random)
    {
        string body;
        do
        {
            body = new string(Enumerable.Range(0, 30).Select(_ => Base62[random.Next(Base62.Length)]).ToArray());
        }
        while (!(body.Any(char.IsUpper) && body.Any(char.IsLower) && body.Any(char.IsDigit)));

        return prefix + body + ToBase62(Crc32(Encoding.ASCII.GetBytes(body)));
    }

    /// <summary>A look-alike: the shape of <see cref="Make"/> with one checksum character changed.</summary>
    public static string MakeWithWrongChecksum(string prefix, Random random)
    {
        var token = Make(prefix, random);
        return token[..^1] + (token[^1] == 'a' ? 'b' : 'a');
    }

    /// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320).</summary>
    public static uint Crc32(byte[] data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        return ~crc;
    }

    private static string ToBase62(uint value)
    {
        var digits = new char[6];
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }
}
