using WellTrack.Diagnostics;
using WellTrack.Diagnostics.Reporting;

namespace WellTrack.Core.Secrets;

/// <summary>The scan's rules as SARIF descriptors, and the name of its partial fingerprint.</summary>
public static class SecretSarif
{
    /// <summary>partialFingerprints key: the finding's fingerprint (SHA-256 of code, file and secret).</summary>
    public const string FingerprintName = "welltrackSecret/v1";

    public static IReadOnlyList<SarifRule> Rules { get; } = SecretRuleCatalog.All
        .Select(rule => new SarifRule(
            rule.Code.Id,
            rule.Id,
            rule.Title,
            rule.HelpText,
            Tags: ["security", "secrets"],
            SecuritySeverity: rule.Severity switch
            {
                DiagnosticSeverity.Error => "8.0",
                DiagnosticSeverity.Warning => "4.0",
                _ => "1.0",
            }))
        .ToList();

    /// <summary>Writes findings and the scan's diagnostics as SARIF 2.1.0.</summary>
    public static void Write(TextWriter writer, SecretScanResult result, string baseDirectory)
    {
        var byDiagnostic = result.Findings.ToDictionary<SecretFinding, Diagnostic, SecretFinding>(f => f.Diagnostic, f => f, ReferenceEqualityComparer.Instance);
        SarifWriter.Write(writer, result.AllDiagnostics, Rules, baseDirectory,
            d => byDiagnostic.TryGetValue(d, out var f) ? new Dictionary<string, string> { [FingerprintName] = f.Fingerprint } : null);
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
