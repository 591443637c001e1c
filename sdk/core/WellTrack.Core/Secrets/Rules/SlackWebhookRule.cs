using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>Slack incoming webhooks: whoever has the URL can post to the channel.</summary>
internal sealed partial class SlackWebhookRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.SlackWebhook;

    public override string Hint => "hooks.slack.com";

    protected override Regex Pattern => Regex();

    [GeneratedRegex(@"https://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,}/[A-Z0-9]{6,}/(?<body>[A-Za-z0-9]{20,})", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
