using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>
/// Basic-auth credentials in a URL (<c>https://user:password@host</c>). Database URLs are
/// <see cref="ConnectionStringRule"/>'s; references and placeholders as the password are not findings.
/// </summary>
internal sealed partial class UrlCredentialsRule : TokenRule
{
    public override DiagnosticCode Code => SecretCodes.UrlCredentials;

    public override string Hint => "@";

    public bool AllowPlaceholders { get; init; } = true;

    public override bool MayMatch(string text)
        => text.Contains('@', StringComparison.Ordinal) && text.Contains("://", StringComparison.Ordinal) && Pattern().IsMatch(text);

    public override IEnumerable<TokenMatch> Find(string text)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            if (ConnectionStringRule.IsDatabaseScheme(match.Groups["scheme"].Value))
            {
                continue;
            }

            if (Credentials.Judge(Code, match.Groups["password"], AllowPlaceholders) is { } found)
            {
                yield return found;
            }
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9+.-])(?<scheme>[A-Za-z][A-Za-z0-9+.-]{1,20})://(?<user>[^:/\s@""'{}]+):(?<password>[^@\s/""']+)@[A-Za-z0-9\[]", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
