using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>
/// PEM private keys (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted PKCS#8, PGP). Certificates and public keys are not
/// secrets and are not matched. The finding points at the BEGIN line; the secret is the key's body.
/// </summary>
internal sealed partial class PemPrivateKeyRule : TokenRule
{
    public override DiagnosticCode Code => SecretCodes.PemPrivateKey;

    public override string Hint => "PRIVATE KEY";

    public override IEnumerable<TokenMatch> Find(string text)
    {
        foreach (Match match in Begin().Matches(text))
        {
            var bodyStart = match.Index + match.Length;
            var end = text.IndexOf("-----END", bodyStart, StringComparison.Ordinal);
            var body = end < 0 ? text[bodyStart..] : text[bodyStart..end];
            var compact = new string(body.Where(c => !char.IsWhiteSpace(c)).ToArray());
            // A header alone (documentation, a grep pattern) or a body of placeholders is not a key.
            if (compact.Length < 32 || !LooksRandom(compact, 10))
            {
                continue;
            }

            yield return new TokenMatch(Code, match.Index, match.Length, compact);
        }
    }

    [GeneratedRegex(@"-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant)]
    private static partial Regex Begin();
}
