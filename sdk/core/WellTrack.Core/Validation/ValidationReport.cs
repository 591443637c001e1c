using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation;

/// <summary>One reported problem: the diagnostic (code, severity, file, line, column, message) and what validation
/// knows around it: the chart, the values files it was rendered with, the object, the values path.</summary>
public sealed record ValidationFinding(
    Diagnostic Diagnostic,
    string? Chart = null,
    string? Variant = null,
    string? ObjectReference = null,
    string? ValuesPath = null)
{
    public string Code => Diagnostic.Code;
}

/// <summary>What <see cref="ChartValidator"/> found.</summary>
public sealed record ValidationReport(
    IReadOnlyList<ValidationFinding> Findings,
    IReadOnlyList<string> Charts,
    int RenderedDocuments)
{
    /// <summary>The findings' diagnostics, in order (what the front ends print).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Findings.Select(f => f.Diagnostic).ToList();

    public bool HasErrors => Findings.Any(f => f.Diagnostic.IsError);

    public int ErrorCount => Findings.Count(f => f.Diagnostic.Severity == DiagnosticSeverity.Error);

    public int WarningCount => Findings.Count(f => f.Diagnostic.Severity == DiagnosticSeverity.Warning);
}
