using System.Text;
using System.Text.RegularExpressions;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Secrets.Providers;

/// <summary>
/// Builds fake tokens from a shape written in the tests, independently of the detector's patterns: literal text with
/// <c>{kind:count}</c> runs of random characters (a alphanumeric, h lowercase hex, u base64url, b base64, l letters,
/// d digits, U upper-case and digits, z lower-case and digits, r base32 lower-case, B bech32 upper-case) and
/// <c>{uuid}</c>. Every run of more than a few characters mixes the cases and digits its alphabet has, as issued
/// tokens do; checksums and encoded headers are computed by <see cref="FakeChecksums"/>.
/// </summary>
internal sealed partial class FakeProviderToken(Random random)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";

    private static readonly Dictionary<char, string> Alphabets = new()
    {
        ['a'] = Upper + Lower + Digits,
        ['h'] = "0123456789abcdef",
        ['u'] = Upper + Lower + Digits + "-_",
        ['b'] = Upper + Lower + Digits + "+/",
        ['l'] = Upper + Lower,
        ['d'] = Digits,
        ['U'] = Upper + Digits,
        ['z'] = Lower + Digits,
        ['r'] = Lower + "234567",
        ['B'] = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
    };

    public Random Random { get; } = random;

    /// <summary>A token of <paramref name="shape"/>.</summary>
    public string Make(string shape)
        => Run().Replace(shape, match => match.Groups["kind"].Value == "uuid"
            ? Uuid()
            : Chars(Alphabets[match.Groups["kind"].Value[0]], int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Random characters of <paramref name="alphabet"/>; with 8 or more, each class of the alphabet appears.</summary>
    public string Chars(string alphabet, int length)
    {
        while (true)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[Random.Next(alphabet.Length)];
            }

            var value = new string(chars);
            if (length < 8 || Covers(value, alphabet, char.IsUpper) && Covers(value, alphabet, char.IsLower) && Covers(value, alphabet, char.IsDigit))
            {
                return value;
            }
        }
    }

    public string Uuid()
    {
        var bytes = new byte[16];
        Random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static bool Covers(string value, string alphabet, Func<char, bool> kind) => !alphabet.Any(kind) || value.Any(kind);

    [GeneratedRegex(@"\{(?<kind>uuid|[ahubldUzrB]):?(?<count>\d*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Run();
}

/// <summary>Checksums and headers computed the way the providers document them, for fakes and for their look-alikes.</summary>
internal static class FakeChecksums
{
    /// <summary>GitHub's (and npm's) token: prefix, 30 random base62 characters, and their CRC32 in 6 base62 digits.</summary>
    public static string GitHubStyle(string prefix, FakeProviderToken maker) => FakeCrc32Token.Make(prefix, maker.Random);

    /// <summary>
    /// A PyPI token: "pypi-" and the base64url of a version 2 macaroon: field 1 (location) with its length and
    /// <paramref name="location"/>, field 2 (identifier) with its length and random bytes, then more random bytes.
    /// </summary>
    public static string PyPi(string location, FakeProviderToken maker, int randomBytes = 60)
    {
        var bytes = new List<byte> { 2, 1, (byte)location.Length };
        bytes.AddRange(Encoding.ASCII.GetBytes(location));
        bytes.AddRange([2, 32]);
        var tail = new byte[randomBytes];
        maker.Random.NextBytes(tail);
        bytes.AddRange(tail);
        return "pypi-" + Convert.ToBase64String([.. bytes]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
