using WellTrack.Core.Secrets.Providers;
using WellTrack.Diagnostics;
using WellTrack.Diagnostics.Reporting;

namespace WellTrack.Core.Secrets;

/// <summary>The scan's rules as SARIF descriptors, and the name of its partial fingerprint.</summary>
public static class SecretSarif
{
    /// <summary>partialFingerprints key: the finding's fingerprint (SHA-256 of code, file and secret).</summary>
    public const string FingerprintName = "welltrackSecret/v1";

    /// <summary>One rule per code, then one per provider token format: a WT5028 result names its format's rule.</summary>
    public static IReadOnlyList<SarifRule> Rules { get; } = SecretRuleCatalog.All
        .Select(rule => new SarifRule(rule.Code.Id, rule.Id, rule.Title, rule.HelpText, Tags: ["security", "secrets"], SecuritySeverity: SecuritySeverity(rule.Severity)))
        .Concat(ProviderCatalog.All.Select(format => new SarifRule(
            format.Id,
            format.Id,
            $"A {format.Name} ({SecretCodes.ProviderToken.Id})",
            $"A {format.Name}.\n\nFix: {format.Revoke} Then store the new value in Vault.\n\n{SecretRuleCatalog.ExternalSecretSnippet}",
            Tags: ["security", "secrets", format.Family],
            SecuritySeverity: SecuritySeverity(format.Severity))))
        .ToList();

    private static string SecuritySeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "8.0",
        DiagnosticSeverity.Warning => "4.0",
        _ => "1.0",
    };

    /// <summary>Writes findings and the scan's diagnostics as SARIF 2.1.0.</summary>
    public static void Write(TextWriter writer, SecretScanResult result, string baseDirectory)
    {
        var byDiagnostic = result.Findings.ToDictionary<SecretFinding, Diagnostic, SecretFinding>(f => f.Diagnostic, f => f, ReferenceEqualityComparer.Instance);
        SarifWriter.Write(writer, result.AllDiagnostics, Rules, baseDirectory,
            d => byDiagnostic.TryGetValue(d, out var f) ? new Dictionary<string, string> { [FingerprintName] = f.Fingerprint } : null,
            ruleIds: d => byDiagnostic.TryGetValue(d, out var f) && f.Diagnostic.Code == SecretCodes.ProviderToken.Id ? f.RuleId : null);
    }

    /// <summary>Writes findings and the scan's diagnostics as JSON, with rule, key path, excerpt and fingerprint per finding.</summary>
    public static void WriteJson(TextWriter writer, SecretScanResult result)
    {
        var byDiagnostic = result.Findings.ToDictionary<SecretFinding, Diagnostic, SecretFinding>(f => f.Diagnostic, f => f, ReferenceEqualityComparer.Instance);
        DiagnosticJsonWriter.Write(writer, result.AllDiagnostics, d => byDiagnostic.TryGetValue(d, out var f)
            ? [new("rule", f.RuleId), new("keyPath", f.KeyPath), new("excerpt", f.RedactedExcerpt), new("fingerprint", f.Fingerprint)]
            : []);
    }
}
