using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>OpenAI API keys: <c>sk-</c> (legacy, 48 characters) and <c>sk-proj-</c>, <c>sk-svcacct-</c>, <c>sk-admin-</c>.</summary>
internal sealed partial class OpenAiKeyRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.OpenAiKey;

    public override string Hint => "sk-";

    protected override Regex Pattern => Regex();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-(?<body>[A-Za-z0-9_-]{40,})|(?<body>[A-Za-z0-9]{48})|(?<body>[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}))(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();

    protected override bool Accept(Match match)
    {
        var body = match.Groups["body"].Value;
        return body.Any(char.IsDigit) && body.Any(char.IsUpper) && body.Any(char.IsLower);
    }
}
