using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>Google API keys: <c>AIza</c> and 35 characters.</summary>
internal sealed partial class GoogleApiKeyRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.GoogleApiKey;

    public override string Hint => "AIza";

    protected override Regex Pattern => Regex();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])AIza(?<body>[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
