using System.Text.RegularExpressions;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets.Providers;

/// <summary>
/// Every provider token format the scan knows beyond the dedicated rules of WT5010-WT5027, one record each, written
/// from each provider's documented shape. The families live in their own files (ProviderCatalog.Cloud.cs, ...).
/// </summary>
public static partial class ProviderCatalog
{
    /// <summary>Alphabets the formats are written with.</summary>
    private const string Alnum = "[A-Za-z0-9]";
    private const string Base64Url = "[A-Za-z0-9_-]";
    private const string Hex = "[a-f0-9]";
    private const string Uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /// <summary>Every format, family by family; ids are unique (a test checks it).</summary>
    public static IReadOnlyList<ProviderFormat> All { get; } =
    [
        .. Cloud, .. VcsCi, .. Ai, .. Payments, .. Messaging, .. Observability, .. Registries, .. Infra, .. Saas,
    ];

    // Longest first, so that "sk-ant-admin01-" is taken before "sk-".
    private static readonly string[] Prefixes = All.Where(f => f.Keywords.Count == 0).SelectMany(f => f.Hints)
        .Where(h => h.Length >= 3).Distinct(StringComparer.Ordinal).OrderByDescending(h => h.Length).ToArray();

    /// <summary>
    /// The documented prefix <paramref name="value"/> starts with, or null. A prefix is fixed text, not randomness: a
    /// value that carries one but failed its format's pattern (a token cut short) is judged by what follows it.
    /// </summary>
    public static string? KnownPrefixOf(string value)
        => Array.Find(Prefixes, prefix => value.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The format with this rule id, or null.</summary>
    public static ProviderFormat? Find(string id) => All.FirstOrDefault(f => f.Id == id);

    /// <summary>A literal prefix, then a body of the given shape.</summary>
    private static ProviderFormat Prefixed(string id, string provider, string family, string title, string prefix, string body, string revoke,
        DiagnosticSeverity severity = DiagnosticSeverity.Error, Func<string, bool>? validator = null)
        => new(id, provider, family, title, [prefix], [], $"{Regex.Escape(prefix)}(?<body>{body})", revoke, severity, validator);

    /// <summary>Several literal prefixes of one format (each a hint).</summary>
    private static ProviderFormat AnyPrefix(string id, string provider, string family, string title, string[] prefixes, string body, string revoke,
        DiagnosticSeverity severity = DiagnosticSeverity.Error)
        => new(id, provider, family, title, prefixes, [], $"(?:{string.Join('|', prefixes.Select(Regex.Escape))})(?<body>{body})", revoke, severity);

    /// <summary>No distinctive prefix: the body counts only with one of <paramref name="keywords"/> on the line or in the key path.</summary>
    private static ProviderFormat Keyworded(string id, string provider, string family, string title, string[] keywords, string body, string revoke)
        => new(id, provider, family, title, [], keywords, $"(?<body>{body})", revoke);

    /// <summary>Any other shape: the hints that pre-filter it and the whole pattern.</summary>
    private static ProviderFormat Shaped(string id, string provider, string family, string title, string[] hints, string pattern, string revoke, string[]? keywords = null)
        => new(id, provider, family, title, hints, keywords ?? [], pattern, revoke);
}
