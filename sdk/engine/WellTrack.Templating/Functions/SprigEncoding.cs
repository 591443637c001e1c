using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's encodings, hashes, UUIDs and random strings; randomness comes from the render's source.</summary>
internal static class SprigEncoding
{
    private const string Alpha = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Numeric = "0123456789";

    public static void Register(FunctionTableBuilder f)
    {
        f.Add("b64enc", P.Str, a => Convert.ToBase64String(Encoding.UTF8.GetBytes((string)a[0]!)));
        f.Add("b64dec", P.Str, a => B64Decode((string)a[0]!));
        f.Add("b32enc", P.Str, a => Base32Encode(Encoding.UTF8.GetBytes((string)a[0]!)));
        f.Add("b32dec", P.Str, a => Base32Decode((string)a[0]!));
        f.Add("sha1sum", P.Str, a => Sha1Sum((string)a[0]!));
        f.Add("sha256sum", P.Str, a => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((string)a[0]!))));
        f.Add("sha512sum", P.Str, a => Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes((string)a[0]!))));
        f.Add("adler32sum", P.Str, a => Adler32(Encoding.UTF8.GetBytes((string)a[0]!)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        f.Add("uuidv4", P.None, (ctx, _) => NewUuid(ctx.Execution.Environment.Random));
        f.Add("randAlphaNum", P.Int, (ctx, a) => RandomString(ctx, (long)a[0]!, Alpha + Numeric));
        f.Add("randAlpha", P.Int, (ctx, a) => RandomString(ctx, (long)a[0]!, Alpha));
        f.Add("randNumeric", P.Int, (ctx, a) => RandomString(ctx, (long)a[0]!, Numeric));
        f.Add("randAscii", P.Int, (ctx, a) => RandomString(ctx, (long)a[0]!, string.Concat(Enumerable.Range(32, 95).Select(i => (char)i))));
        f.Add("randBytes", P.Int, (ctx, a) =>
        {
            var bytes = new byte[(int)(long)a[0]!];
            ctx.Execution.Environment.Random.NextBytes(bytes);
            return Convert.ToBase64String(bytes);
        });
    }

    /// <summary>Sprig returns the error text itself when decoding fails.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "Sprig's sha1sum is SHA-1 by definition; templates use it for checksums, not for security.")]
    private static string Sha1Sum(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    private static string B64Decode(string s)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            return "illegal base64 data at input byte " + IllegalBase64Offset(s).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static int IllegalBase64Offset(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return i;
            }
        }

        return s.Length - (s.Length % 4);
    }

    private static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static string Base32Encode(byte[] data)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < data.Length; i += 5)
        {
            var chunk = new byte[5];
            var n = Math.Min(5, data.Length - i);
            Array.Copy(data, i, chunk, 0, n);
            ulong bits = 0;
            foreach (var b in chunk)
            {
                bits = (bits << 8) | b;
            }

            var chars = (int)Math.Ceiling(n * 8 / 5.0);
            for (var j = 0; j < 8; j++)
            {
                sb.Append(j < chars ? Base32Alphabet[(int)((bits >> (35 - (j * 5))) & 31)] : '=');
            }
        }

        return sb.ToString();
    }

    private static string Base32Decode(string s)
    {
        var trimmed = s.TrimEnd('=');
        var bytes = new List<byte>();
        ulong buffer = 0;
        var bitsLeft = 0;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var v = Base32Alphabet.IndexOf(trimmed[i]);
            if (v < 0)
            {
                return "illegal base32 data at input byte " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            buffer = (buffer << 5) | (uint)v;
            bitsLeft += 5;
            if (bitsLeft >= 8)
            {
                bytes.Add((byte)(buffer >> (bitsLeft - 8)));
                bitsLeft -= 8;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string NewUuid(Random random)
    {
        var b = new byte[16];
        random.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0f) | 0x40);
        b[8] = (byte)((b[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(b);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static string RandomString(FunctionContext ctx, long count, string alphabet)
    {
        if (count < 0)
        {
            throw new TemplateFunctionException("Count cannot be negative.");
        }

        var random = ctx.Execution.Environment.Random;
        var sb = new StringBuilder((int)count);
        for (var i = 0; i < count; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }
}
