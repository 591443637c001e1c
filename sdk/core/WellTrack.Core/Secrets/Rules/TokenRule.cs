using System.Text.RegularExpressions;
using WellTrack.Core.Secrets.Providers;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Rules;

/// <summary>
/// A credential found inside a text: <see cref="Index"/> and <see cref="Length"/> locate what the finding points at,
/// <see cref="Secret"/> is what is redacted and fingerprinted (the password of a URL, the whole token otherwise);
/// <see cref="Format"/> is the provider format of a WT5028 match, which names the finding's rule.
/// </summary>
internal readonly record struct TokenMatch(DiagnosticCode Code, int Index, int Length, string Secret, DiagnosticSeverity Severity = DiagnosticSeverity.Error, ProviderFormat? Format = null);

/// <summary>A rule that recognises one credential format in any text: a value, a template line, a block scalar.</summary>
internal abstract class TokenRule
{
    public abstract DiagnosticCode Code { get; }

    /// <summary>A cheap test: the rule can only match when the text contains this (ordinal, case-sensitive).</summary>
    public abstract string Hint { get; }

    /// <summary>
    /// False when <see cref="Find"/> certainly finds nothing in <paramref name="text"/>. Allocates nothing: it runs on
    /// every line of every file, where <see cref="Find"/>'s enumerator and matches would be garbage on almost all.
    /// </summary>
    public virtual bool MayMatch(string text) => text.Contains(Hint, StringComparison.Ordinal);

    /// <summary>The credentials in <paramref name="text"/>; called only where <see cref="MayMatch(string)"/> holds.</summary>
    public abstract IEnumerable<TokenMatch> Find(string text);

    /// <summary>
    /// As <see cref="MayMatch(string)"/>, knowing where the text sits (a YAML key path such as <c>datadog.apiKey</c>):
    /// formats without a distinctive prefix count only near their provider's name.
    /// </summary>
    public virtual bool MayMatch(string text, string? context) => MayMatch(text);

    /// <summary>As <see cref="Find(string)"/>, knowing where the text sits.</summary>
    public virtual IEnumerable<TokenMatch> Find(string text, string? context) => Find(text);

    /// <summary>
    /// Documentation bodies (<c>xxxx</c>, <c>0000</c>, <c>EXAMPLE</c>) are not credentials: a real token's body uses
    /// many distinct characters.
    /// </summary>
    protected static bool LooksRandom(ReadOnlySpan<char> body, int minimumDistinct = 6)
    {
        if (body.EndsWith("EXAMPLE", StringComparison.OrdinalIgnoreCase) || body.Contains("example", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<bool> seen = stackalloc bool[128];
        var distinct = 0;
        foreach (var c in body)
        {
            if (c < 128 && !seen[c])
            {
                seen[c] = true;
                distinct++;
            }
        }

        return distinct >= minimumDistinct;
    }
}

/// <summary>A token format recognised by one regular expression; group "body" (or the whole match) must look random.</summary>
internal abstract class RegexTokenRule : TokenRule
{
    protected abstract Regex Pattern { get; }

    public override bool MayMatch(string text) => base.MayMatch(text) && Pattern.IsMatch(text);

    public override IEnumerable<TokenMatch> Find(string text)
    {
        foreach (Match match in Pattern.Matches(text))
        {
            var body = match.Groups["body"].Success ? match.Groups["body"].Value : match.Value;
            if (LooksRandom(body) && Accept(match))
            {
                yield return new TokenMatch(Code, match.Index, match.Length, match.Value);
            }
        }
    }

    protected virtual bool Accept(Match match) => true;
}
