using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>AWS access key ids: <c>AKIA</c> (long-term) or <c>ASIA</c> (temporary) and 16 characters.</summary>
internal sealed partial class AwsAccessKeyIdRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.AwsAccessKeyId;

    public override string Hint => "A";

    protected override Regex Pattern => Regex();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)(?<body>[A-Z2-7]{16})(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
