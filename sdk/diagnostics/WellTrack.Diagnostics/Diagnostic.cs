using System.Globalization;

namespace WellTrack.Diagnostics;

/// <summary>
/// One user-facing message: a WTnnnn code, a severity, a location when there is one, and the message text.
/// Lines and columns are 1-based, as MSBuild, IDEs and SARIF expect; 0 means "unknown".
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0)
{
    /// <summary>Creates a diagnostic whose text is the resource named by <paramref name="code"/>.</summary>
    public static Diagnostic Create(DiagnosticCode code, DiagnosticSeverity severity, SourceLocation? location, params object?[] args)
        => new(code.Id, severity, DiagnosticMessages.Format(code, args), location?.File, location?.Line ?? 0, location?.Column ?? 0);

    public static Diagnostic Error(DiagnosticCode code, SourceLocation? location, params object?[] args)
        => Create(code, DiagnosticSeverity.Error, location, args);

    public static Diagnostic Warning(DiagnosticCode code, SourceLocation? location, params object?[] args)
        => Create(code, DiagnosticSeverity.Warning, location, args);

    /// <summary>True when this diagnostic carries <paramref name="code"/>.</summary>
    public bool Is(DiagnosticCode code) => code.Is(Code);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>An error in the range of configuration and usage (WT9xxx): the caller asked for something impossible,
    /// as opposed to finding a problem in what it checked.</summary>
    public bool IsConfigurationError => IsError && DiagnosticCodes.Find(Code)?.Range == 9;

    /// <summary>MSBuild's canonical error format, which IDEs and CI problem matchers read.</summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var origin = File switch
        {
            null or "" => "welltrack",
            _ when Line > 0 && Column > 0 => string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column})"),
            _ when Line > 0 => string.Create(CultureInfo.InvariantCulture, $"{File}({Line})"),
            _ => File,
        };
        return $"{origin}: {severity} {Code}: {Message}";
    }
}
