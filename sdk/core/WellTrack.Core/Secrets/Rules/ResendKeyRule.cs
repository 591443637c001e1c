using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>Resend API keys: <c>re_</c>, 8 characters, <c>_</c>, 24 or more characters.</summary>
internal sealed partial class ResendKeyRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.ResendKey;

    public override string Hint => "re_";

    protected override Regex Pattern => Regex();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])re_(?<body>[A-Za-z0-9]{8}_[A-Za-z0-9]{24,})(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();

    // A snake_case identifier (re_enable_feature_flags_in_production) is lowercase words; a key mixes cases and digits.
    protected override bool Accept(Match match)
    {
        var body = match.Groups["body"].Value;
        return body.Any(char.IsDigit) && body.Any(char.IsUpper);
    }
}
