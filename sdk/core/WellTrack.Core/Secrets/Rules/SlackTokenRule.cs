using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>Slack tokens: <c>xoxb-</c>, <c>xoxp-</c>, <c>xoxa-</c>, <c>xoxr-</c>, <c>xoxs-</c>, <c>xoxe-</c> and app-level <c>xapp-</c>.</summary>
internal sealed partial class SlackTokenRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.SlackToken;

    public override string Hint => "x";

    protected override Regex Pattern => Regex();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(?:xox[abeprs]|xapp)-(?<body>[0-9]{6,}-[A-Za-z0-9-]{8,})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
