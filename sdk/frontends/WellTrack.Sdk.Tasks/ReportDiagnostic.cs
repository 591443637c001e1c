using Microsoft.Build.Framework;
using WellTrack.Diagnostics;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace WellTrack.Sdk.Tasks;

/// <summary>
/// Logs a coded diagnostic from the core's message resources, so configuration errors raised by the SDK's targets
/// read exactly like the ones raised by the core and are documented in one place.
/// </summary>
public sealed class ReportDiagnostic : MSBuildTask
{
    [Required]
    public string Code { get; set; } = string.Empty;

    /// <summary>Error, Warning or Note.</summary>
    public string Severity { get; set; } = nameof(DiagnosticSeverity.Error);

    public string[] Arguments { get; set; } = [];

    public string File { get; set; } = string.Empty;

    public override bool Execute()
    {
        if (!Enum.TryParse<DiagnosticSeverity>(Severity, ignoreCase: true, out var severity))
        {
            severity = DiagnosticSeverity.Error;
        }

        var location = string.IsNullOrEmpty(File) ? null : SourceLocation.InFile(File);
        Log.Log(Diagnostic.Create(Code, severity, location, Arguments.Cast<object?>().ToArray()));
        return !Log.HasLoggedErrors;
    }
}
