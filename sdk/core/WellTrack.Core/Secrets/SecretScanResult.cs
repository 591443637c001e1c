using WellTrack.Diagnostics;

namespace WellTrack.Core.Secrets;

/// <summary>What a scan found: findings (after suppressions and the baseline) and the scan's own diagnostics.</summary>
public sealed record SecretScanResult(
    IReadOnlyList<SecretFinding> Findings,
    IReadOnlyList<Diagnostic> Diagnostics,
    int FilesScanned,
    int Suppressed,
    int Baselined)
{
    /// <summary>Findings and the scan's own diagnostics, by file, line and column.</summary>
    public IReadOnlyList<Diagnostic> AllDiagnostics { get; } = Findings.Select(f => f.Diagnostic).Concat(Diagnostics)
        .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();

    public bool HasErrors => AllDiagnostics.Any(d => d.IsError);
}
