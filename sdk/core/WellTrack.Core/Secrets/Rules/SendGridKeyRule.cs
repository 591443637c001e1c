using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>SendGrid API keys: <c>SG.</c>, 22 characters, <c>.</c>, 43 characters.</summary>
internal sealed partial class SendGridKeyRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.SendGridKey;

    public override string Hint => "SG.";

    protected override Regex Pattern => Regex();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])SG\.(?<body>[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
