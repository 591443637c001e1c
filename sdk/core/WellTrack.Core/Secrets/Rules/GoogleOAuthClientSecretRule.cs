using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>Google OAuth client secrets: <c>GOCSPX-</c> and 28 characters.</summary>
internal sealed partial class GoogleOAuthClientSecretRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.GoogleOAuthClientSecret;

    public override string Hint => "GOCSPX-";

    protected override Regex Pattern => Regex();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])GOCSPX-(?<body>[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
