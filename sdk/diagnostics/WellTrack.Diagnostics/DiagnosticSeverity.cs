namespace WellTrack.Diagnostics;

/// <summary>How serious a diagnostic is; maps onto MSBuild's error/warning/message and SARIF levels.</summary>
public enum DiagnosticSeverity
{
    Note,
    Warning,
    Error,
}
