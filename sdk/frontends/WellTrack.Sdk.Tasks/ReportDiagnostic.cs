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
        // The targets name codes as text; they are parsed into the typed codes, so a mistyped code is itself reported.
        if (!DiagnosticCode.TryParse(Code, out var code))
        {
            Log.Log(Diagnostic.Error(DiagnosticCodes.WT9012, null, Code));
            return false;
        }

        if (!Enum.TryParse<DiagnosticSeverity>(Severity, ignoreCase: true, out var severity) || !Enum.IsDefined(severity))
        {
            Log.Log(Diagnostic.Error(DiagnosticCodes.WT9013, null, Severity));
            return false;
        }

        var location = string.IsNullOrEmpty(File) ? null : SourceLocation.InFile(File);
        Log.Log(Diagnostic.Create(code, severity, location, Arguments.Cast<object?>().ToArray()));
        return !Log.HasLoggedErrors;
    }
}
