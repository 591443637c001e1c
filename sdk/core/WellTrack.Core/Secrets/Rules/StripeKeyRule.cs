using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>Stripe live secret and restricted keys: <c>sk_live_</c>, <c>rk_live_</c>.</summary>
internal sealed partial class StripeKeyRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.StripeKey;

    public override string Hint => "k_live_";

    protected override Regex Pattern => Regex();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[sr]k_live_(?<body>[A-Za-z0-9]{20,247})(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
