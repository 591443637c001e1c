namespace WellTrack.Diagnostics;

/// <summary>
/// Carries a coded diagnostic out of deep code paths. Front ends (tasks, CLI) catch it and report the diagnostic;
/// it never reaches a user as a stack trace.
/// </summary>
public sealed class DiagnosticException : Exception
{
    public DiagnosticException(Diagnostic diagnostic, Exception? inner = null)
        : base(diagnostic.Message, inner)
    {
        Diagnostic = diagnostic;
    }

    public Diagnostic Diagnostic { get; }

    public static DiagnosticException Error(DiagnosticCode code, SourceLocation? location, params object?[] args)
        => new(Diagnostic.Error(code, location, args));
}
