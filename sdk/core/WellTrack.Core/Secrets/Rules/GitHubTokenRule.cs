using System.Text.RegularExpressions;
using WellTrack.Core.Secrets.Providers;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>
/// GitHub tokens: <c>ghp_</c>, <c>gho_</c>, <c>ghu_</c>, <c>ghs_</c>, <c>ghr_</c> and 36 characters; <c>github_pat_</c>
/// fine-grained tokens. The 36 characters end in the CRC32 of the first 30, as GitHub documents: a body without it
/// was made up or altered, not issued (GitHub's own secret scanning dismisses it the same way), and the key-name and
/// random-value rules still judge it where it sits.
/// </summary>
internal sealed partial class GitHubTokenRule : RegexTokenRule
{
    public override DiagnosticCode Code => SecretCodes.GitHubToken;

    public override string Hint => "g";

    protected override Regex Pattern => Regex();

    protected override bool Accept(Match match)
        => !match.Value.StartsWith("gh", StringComparison.Ordinal) || match.Groups["body"].Length != 36
           || TokenChecksums.HasValidCrc32Suffix(match.Value);

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_(?<body>[A-Za-z0-9]{36,251})|github_pat_(?<body>[A-Za-z0-9]{22}_[A-Za-z0-9]{59}))(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex Regex();
}
