using System.Buffers;
using System.Text.RegularExpressions;
using WellTrack.Core.Secrets.Rules;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Providers;

/// <summary>
/// Every <see cref="ProviderCatalog"/> format as one rule (WT5028). A line is pre-filtered with one vectorised
/// search for all literal hints and one for all keywords; only the formats whose hint or keyword is there run their
/// regular expression, so the cost per line stays that of two searches however many formats there are.
/// </summary>
internal sealed class ProviderTokenRule : TokenRule
{
    // Tokens are words of base64url characters: a hint inside a longer word (a hash, a base64 blob) is not a token.
    private const string Before = "(?<![A-Za-z0-9_-])";
    private const string After = "(?![A-Za-z0-9_-])";

    private readonly IReadOnlyList<ProviderFormat> _formats;
    private readonly Lazy<Regex>[] _patterns;
    private readonly SearchValues<string> _hints;
    private readonly Dictionary<string, int[]> _formatsByHint;
    private readonly SearchValues<string> _keywords;
    private readonly Dictionary<string, int[]> _formatsByKeyword;

    /// <summary>Every format of <see cref="ProviderCatalog"/>.</summary>
    public ProviderTokenRule()
        : this(ProviderCatalog.All)
    {
    }

    public ProviderTokenRule(IReadOnlyList<ProviderFormat> formats)
    {
        _formats = formats;
        _patterns = formats
            .Select(f => new Lazy<Regex>(() => new Regex(Before + f.Pattern + After, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)))
            .ToArray();
        _formatsByHint = Index(formats, f => f.Hints, StringComparer.Ordinal);
        _hints = SearchValues.Create(_formatsByHint.Keys.ToArray(), StringComparison.Ordinal);
        _formatsByKeyword = Index(formats, f => f.Keywords, StringComparer.OrdinalIgnoreCase);
        _keywords = SearchValues.Create(_formatsByKeyword.Keys.ToArray(), StringComparison.OrdinalIgnoreCase);
    }

    public static ProviderTokenRule Default { get; } = new(ProviderCatalog.All);

    public override DiagnosticCode Code => SecretCodes.ProviderToken;

    /// <summary>Not used: <see cref="MayMatch(string, string?)"/> searches for every hint at once.</summary>
    public override string Hint => string.Empty;

    public override bool MayMatch(string text) => MayMatch(text, null);

    public override bool MayMatch(string text, string? context)
        => text.AsSpan().ContainsAny(_hints) || text.AsSpan().ContainsAny(_keywords) || context is not null && context.AsSpan().ContainsAny(_keywords);

    public override IEnumerable<TokenMatch> Find(string text) => Find(text, null);

    public override IEnumerable<TokenMatch> Find(string text, string? context)
    {
        var hinted = Candidates(text, _hints, _formatsByHint);
        var keyworded = Candidates(text, _keywords, _formatsByKeyword);
        if (context is not null)
        {
            keyworded.UnionWith(Candidates(context, _keywords, _formatsByKeyword));
        }

        for (var i = 0; i < _formats.Count; i++)
        {
            var format = _formats[i];
            if (format.Hints.Count > 0 && !hinted.Contains(i) || format.Keywords.Count > 0 && !keyworded.Contains(i))
            {
                continue;
            }

            foreach (Match match in _patterns[i].Value.Matches(text))
            {
                var body = match.Groups["body"].Success ? match.Groups["body"].ValueSpan : match.ValueSpan;
                if (LooksRandom(body) && (format.Validator is null || format.Validator(match.Value)))
                {
                    yield return new TokenMatch(Code, match.Index, match.Length, match.Value, format.Severity, format);
                }
            }
        }
    }

    /// <summary>The formats whose hints (or keywords) occur in <paramref name="text"/>.</summary>
    private static HashSet<int> Candidates(string text, SearchValues<string> values, Dictionary<string, int[]> formatsBy)
    {
        var found = new HashSet<int>();
        var span = text.AsSpan();
        var offset = 0;
        while (offset < span.Length)
        {
            var at = span[offset..].IndexOfAny(values);
            if (at < 0)
            {
                break;
            }

            var position = offset + at;
            foreach (var (literal, formats) in formatsBy)
            {
                if (span[position..].StartsWith(literal, formatsBy.Comparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                {
                    found.UnionWith(formats);
                }
            }

            offset = position + 1;
        }

        return found;
    }

    private static Dictionary<string, int[]> Index(IReadOnlyList<ProviderFormat> formats, Func<ProviderFormat, IReadOnlyList<string>> literals, StringComparer comparer)
        => formats
            .SelectMany((format, index) => literals(format).Select(literal => (literal, index)))
            .GroupBy(pair => pair.literal, comparer)
            .ToDictionary(g => g.Key, g => g.Select(pair => pair.index).Distinct().ToArray(), comparer);
}
