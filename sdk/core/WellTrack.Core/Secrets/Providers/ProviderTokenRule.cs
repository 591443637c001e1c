using System.Text.RegularExpressions;
using WellTrack.Core.Secrets.Rules;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Providers;

/// <summary>
/// Every <see cref="ProviderCatalog"/> format as one rule (WT5028). A line is pre-filtered with one vectorised
/// search for all literal hints and one for all keywords; a hint counts only inside a run of token characters long
/// enough to be a token (<see cref="TokenRun"/>), a keyword only when the line holds such a run. Only the formats
/// whose hint and keyword are there run their regular expression, so the cost per ordinary line is one vectorised
/// search for separators (a line with no run long enough to be a token is settled there), at most two more searches
/// however many formats there are, and short hints ("pat", "2/", "sk-") do not wake it on every
/// <c>path:</c> or <c>api-server</c>.
/// </summary>
internal sealed class ProviderTokenRule : TokenRule
{
    /// <summary>
    /// No format's token is shorter (a test checks every format's fake token against it); a run of token characters
    /// shorter than this holds no token.
    /// </summary>
    public const int MinimumTokenLength = 20;

    // Tokens are words of base64url characters: a hint inside a longer word (a hash, a base64 blob) is not a token.
    private const string Before = "(?<![A-Za-z0-9_-])";
    private const string After = "(?![A-Za-z0-9_-])";

    private readonly IReadOnlyList<ProviderFormat> _formats;
    private readonly Lazy<Regex>[] _patterns;
    private readonly LiteralIndex _hints;
    private readonly LiteralIndex _keywords;

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
        _hints = new LiteralIndex(formats, f => f.Hints, StringComparison.Ordinal);
        _keywords = new LiteralIndex(formats, f => f.Keywords, StringComparison.OrdinalIgnoreCase);
    }

    public static ProviderTokenRule Default { get; } = new(ProviderCatalog.All);

    public override DiagnosticCode Code => SecretCodes.ProviderToken;

    /// <summary>Not used: <see cref="MayMatch(string, string?)"/> searches for every hint at once.</summary>
    public override string Hint => string.Empty;

    public override bool MayMatch(string text) => MayMatch(text, null);

    public override bool MayMatch(string text, string? context)
    {
        if (text.Length < MinimumTokenLength)
        {
            return false;
        }

        Span<bool> hinted = stackalloc bool[_formats.Count];
        Span<bool> keyworded = stackalloc bool[_formats.Count];
        return Candidates(text, context, hinted, keyworded);
    }

    public override IEnumerable<TokenMatch> Find(string text) => Find(text, null);

    public override IEnumerable<TokenMatch> Find(string text, string? context)
    {
        var hinted = new bool[_formats.Count];
        var keyworded = new bool[_formats.Count];
        if (text.Length < MinimumTokenLength || !Candidates(text, context, hinted, keyworded))
        {
            yield break;
        }

        for (var i = 0; i < _formats.Count; i++)
        {
            var format = _formats[i];
            if (!IsCandidate(format, hinted[i], keyworded[i]))
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

    /// <summary>Marks the formats whose hints (in a long enough run) and keywords (in the text or its key path) are there; true when any format is a candidate.</summary>
    private bool Candidates(string text, string? context, Span<bool> hinted, Span<bool> keyworded)
    {
        // Most lines of a chart hold no run of token characters long enough to be a token: one vectorised pass
        // over separators settles them before any multi-literal search.
        if (!TokenRun.Any(text, MinimumTokenLength))
        {
            return false;
        }

        var anyHint = _hints.Mark(text, hinted, MinimumTokenLength);
        var anyKeyword = false;
        if (_keywords.Occurs(text) || context is not null && _keywords.Occurs(context))
        {
            anyKeyword = _keywords.Mark(text, keyworded);
            if (context is not null)
            {
                anyKeyword |= _keywords.Mark(context, keyworded);
            }
        }

        if (!anyHint && !anyKeyword)
        {
            return false;
        }

        for (var i = 0; i < _formats.Count; i++)
        {
            if (IsCandidate(_formats[i], hinted[i], keyworded[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A format runs when each kind of literal it has is there (a keyword-bound hint needs both).</summary>
    private static bool IsCandidate(ProviderFormat format, bool hinted, bool keyworded)
        => (format.Hints.Count == 0 || hinted) && (format.Keywords.Count == 0 || keyworded) && (format.Hints.Count > 0 || format.Keywords.Count > 0);
}
