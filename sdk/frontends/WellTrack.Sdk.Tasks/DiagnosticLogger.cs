using Microsoft.Build.Utilities;
using WellTrack.Diagnostics;

namespace WellTrack.Sdk.Tasks;

/// <summary>Turns core diagnostics into MSBuild errors, warnings and messages with their code, file, line and column.</summary>
internal static class DiagnosticLogger
{
    public static void Log(this TaskLoggingHelper log, Diagnostic diagnostic)
    {
        var file = diagnostic.File ?? string.Empty;
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                log.LogError(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
                break;
            default:
                log.LogMessage(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, Microsoft.Build.Framework.MessageImportance.High, diagnostic.Message);
                break;
        }
    }

    public static void Log(this TaskLoggingHelper log, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            log.Log(diagnostic);
        }
    }
}
