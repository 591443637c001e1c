using System.Text.RegularExpressions;
using WellTrack.Core.Secrets.Providers;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>
/// npm access tokens: <c>npm_</c> and 36 characters ending in the CRC32 of the first 30 (GitHub's scheme, which npm
/// adopted with the prefix); also an <c>.npmrc</c> line's literal <c>_authToken=</c>, whatever its shape.
/// </summary>
internal sealed partial class NpmTokenRule : TokenRule
{
    public override DiagnosticCode Code => SecretCodes.NpmToken;

    public override string Hint => string.Empty;

    public override bool MayMatch(string text)
        => MayBeToken(text) && Token().IsMatch(text) || MayBeAuthToken(text) && AuthToken().IsMatch(text);

    public override IEnumerable<TokenMatch> Find(string text)
    {
        if (MayBeToken(text))
        {
            foreach (Match match in Token().Matches(text))
            {
                if (LooksRandom(match.Groups["body"].ValueSpan) && TokenChecksums.HasValidCrc32Suffix(match.Value))
                {
                    yield return new TokenMatch(Code, match.Index, match.Length, match.Value);
                }
            }
        }

        if (MayBeAuthToken(text))
        {
            foreach (Match match in AuthToken().Matches(text))
            {
                var value = match.Groups["value"];
                // An issued npm_ token was reported above; a line's auth token of any other shape is reported here.
                if (!TokenChecksums.HasValidCrc32Suffix(value.Value) && LooksRandom(value.ValueSpan) && !CredentialHeuristics.IsReference(value.Value))
                {
                    yield return new TokenMatch(Code, value.Index, value.Length, value.Value);
                }
            }
        }
    }

    private static bool MayBeToken(string text) => text.Contains("npm_", StringComparison.Ordinal);

    private static bool MayBeAuthToken(string text) => text.Contains("_authToken=", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_(?<body>[A-Za-z0-9]{36})(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"_authToken=(?<value>[^\s""'$]{16,})", RegexOptions.CultureInvariant)]
    private static partial Regex AuthToken();
}
