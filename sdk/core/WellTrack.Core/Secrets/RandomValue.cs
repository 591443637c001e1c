using System.Globalization;

namespace WellTrack.Core.Secrets;

/// <summary>
/// Is a value under a key that says nothing random enough to be a generated credential? Each alphabet has its own
/// bar, since a string drawn from 16 symbols cannot reach the entropy of one drawn from 64: hex from 32 characters,
/// base64 and alphanumeric from 20 with upper case, lower case and digits mixed, and in each case a Shannon entropy
/// of at least 80% of what the alphabet and the length allow. Identifiers, hashes and encoded text are not.
/// </summary>
internal static class RandomValue
{
    // Normalised key endings whose values are identifiers, hashes or versions, random by nature but not secret.
    private static readonly string[] IdentifierEndings =
    [
        "id", "ids", "uid", "uuid", "guid", "commit", "sha", "sha1", "sha256", "hash", "checksum", "digest", "revision", "rev",
        "version", "tag", "ref", "etag", "fingerprint", "integrity", "image", "name", "url", "uri", "path", "host", "bundle",
        "cabundle", "cert", "certificate", "crt", "publickey", "pubkey", "pub", "signature", "build", "release", "serial",
        "thumbprint", "kid", "keyid", "resourceversion", "generation", "sum", "md5", "crc", "organization", "org", "tenant", "project",
    ];

    public enum Alphabet
    {
        Hex,
        Base64,
        Alphanumeric,
    }

    /// <summary>The alphabet and length of a random-looking value, for the finding's message; null when it is not one.</summary>
    public static string? Describe(string key, string value)
    {
        var v = value.Trim();
        if (Providers.ProviderCatalog.KnownPrefixOf(v) is { } prefix)
        {
            v = v[prefix.Length..];
        }

        if (IsIdentifierKey(key) || v.Length < 20 || v.Length > 512 || CredentialHeuristics.IsReference(v) || CredentialHeuristics.IsNonSecretShape(v)
            || CredentialHeuristics.IsUuid(v) || IsChecksumNotation(v))
        {
            return null;
        }

        if (AlphabetOf(v) is not { } alphabet || !IsRandom(v, alphabet))
        {
            return null;
        }

        var name = alphabet switch { Alphabet.Hex => "hex", Alphabet.Base64 => "base64", _ => "alphanumeric" };
        return string.Create(CultureInfo.InvariantCulture, $"{name}, {v.Length} characters");
    }

    // Words that make a key an identifier or a hash wherever they sit in it (checksum/config, commitSha, digestValue).
    private static readonly string[] IdentifierWords = ["public", "checksum", "digest", "hash", "commit", "revision", "fingerprint", "integrity", "uuid", "sha1", "sha256", "sha512"];

    public static bool IsIdentifierKey(string key)
    {
        var normalized = new string(key.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return IdentifierWords.Any(w => normalized.Contains(w, StringComparison.Ordinal)) || IdentifierEndings.Any(e => normalized.EndsWith(e, StringComparison.Ordinal));
    }

    public static Alphabet? AlphabetOf(string v)
    {
        bool hex = true, alphanumeric = true, base64 = true;
        var padding = 0;
        foreach (var c in v)
        {
            var isHex = char.IsAsciiHexDigit(c);
            var isAlphanumeric = char.IsAsciiLetterOrDigit(c);
            hex &= isHex;
            alphanumeric &= isAlphanumeric;
            if (c == '=')
            {
                padding++;
            }
            else if (padding > 0 || !(isAlphanumeric || c is '+' or '/' or '-' or '_'))
            {
                base64 = false;
            }
        }

        return hex ? Alphabet.Hex : alphanumeric ? Alphabet.Alphanumeric : base64 && padding <= 2 ? Alphabet.Base64 : null;
    }

    public static bool IsRandom(string v, Alphabet alphabet)
    {
        if (alphabet == Alphabet.Hex)
        {
            // A SHA-1 (a git commit) is 40 hex characters and a checksum a multiple of 32: identifiers, whatever the key.
            return v.Length >= 32 && v.Length != 40 && Entropy(v) >= 0.8 * Math.Log2(Math.Min(v.Length, 16));
        }

        // Eight lower-case letters in a row are a word (ProxyHttp2Configuration): in a random base64 string of 40
        // characters such a run has a chance of about 3%.
        if (LongestLowercaseRun(v) >= 8)
        {
            return false;
        }

        var upper = v.Count(char.IsAsciiLetterUpper);
        var lower = v.Count(char.IsAsciiLetterLower);
        var digits = v.Count(char.IsAsciiDigit);
        if (upper < 2 || lower < 2 || digits < 2 || Entropy(v) < 0.8 * Math.Log2(Math.Min(v.Length, alphabet == Alphabet.Base64 ? 64 : 62)))
        {
            return false;
        }

        // Alphanumeric strings are base64 too when their length allows: "SGVsbG8…" is text, encoded.
        return !DecodesToText(v);
    }

    private static int LongestLowercaseRun(string v)
    {
        int longest = 0, run = 0;
        foreach (var c in v)
        {
            run = char.IsAsciiLetterLower(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary><c>sha512-…</c> (Subresource Integrity, npm lock files), <c>h1:…</c> (go.sum).</summary>
    private static bool IsChecksumNotation(string v)
        => v.StartsWith("sha512-", StringComparison.Ordinal) || v.StartsWith("sha384-", StringComparison.Ordinal) || v.StartsWith("sha256-", StringComparison.Ordinal)
           || v.StartsWith("sha1-", StringComparison.Ordinal) || v.StartsWith("h1:", StringComparison.Ordinal);

    /// <summary>Base64 of text, a certificate or a public key (DER starting with SEQUENCE, SEQUENCE) is not random material.</summary>
    private static bool DecodesToText(string v)
    {
        var standard = v.Replace('-', '+').Replace('_', '/');
        var padded = standard.Length % 4 == 0 ? standard : standard + new string('=', 4 - (standard.Length % 4));
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written) || written == 0)
        {
            return false;
        }

        if (written > 4 && buffer[0] == 0x30 && buffer[1] >= 0x80 && 2 + (buffer[1] & 0x7F) < written && buffer[2 + (buffer[1] & 0x7F)] == 0x30)
        {
            return true;
        }

        var printable = 0;
        for (var i = 0; i < written; i++)
        {
            if (buffer[i] is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                printable++;
            }
        }

        return printable >= written * 0.95;
    }

    private static double Entropy(string v) => CredentialHeuristics.ShannonEntropy(v);
}
