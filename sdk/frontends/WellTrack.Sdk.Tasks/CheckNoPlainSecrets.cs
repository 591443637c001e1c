using System.Text;
using Microsoft.Build.Framework;
using WellTrack.Core.IO;
using WellTrack.Core.Secrets;
using WellTrack.Diagnostics;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace WellTrack.Sdk.Tasks;

/// <summary>
/// Fails the build on plain secrets in the GitOps repository's charts, values and manifests: a thin translation of
/// MSBuild inputs into <see cref="SecretScanner"/>. Findings are logged as coded errors (notes as messages) with
/// file, line and column; their text holds only a redacted excerpt, and no parameter or output carries a secret.
/// </summary>
public sealed class CheckNoPlainSecrets : MSBuildTask, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The directory to scan (the GitOps repository, or its charts directory).</summary>
    [Required]
    public string Directory { get; set; } = string.Empty;

    /// <summary>Baseline of accepted fingerprints; empty uses <c>.welltrack-secrets-baseline.json</c> in the directory when present.</summary>
    public string Baseline { get; set; } = string.Empty;

    /// <summary>Report everything placeholders too (changeme under a password key).</summary>
    public bool ReportPlaceholders { get; set; }

    /// <summary>Globs (.gitignore grammar, relative to <see cref="Directory"/>) never scanned, beside <c>secrets.exclude</c> of welltrack.yaml.</summary>
    public string[] Exclude { get; set; } = [];

    /// <summary>Skip what .gitignore leaves out of git: <c>true</c>, <c>false</c>, or empty for welltrack.yaml's <c>secrets.gitignore</c> (default true).</summary>
    public string RespectGitIgnore { get; set; } = string.Empty;

    /// <summary>Skip what each chart's .helmignore leaves out: <c>true</c>, <c>false</c>, or empty for <c>secrets.helmignore</c> (default false).</summary>
    public string RespectHelmIgnore { get; set; } = string.Empty;

    /// <summary>Also write a SARIF 2.1.0 report to this file (for GitHub code scanning).</summary>
    public string SarifOutput { get; set; } = string.Empty;

    /// <summary>Also write a report to <see cref="OutputFile"/> in this format: <c>sarif</c> (default) or <c>json</c>.</summary>
    public string Format { get; set; } = string.Empty;

    public string OutputFile { get; set; } = string.Empty;

    /// <summary>Number of findings that are errors.</summary>
    [Output]
    public int ErrorCount { get; private set; }

    /// <summary>Stops after the files in progress (Ctrl+C in the build).</summary>
    public void Cancel() => _cancellation.Cancel();

    // The token source is all the task owns; its owner (the build engine, a test) may release it after Execute.
    public void Dispose() => _cancellation.Dispose();

    public override bool Execute()
    {
        SecretScanResult result;
        try
        {
            result = SecretScanner.Scan(Directory, new SecretScanOptions
            {
                BaselinePath = string.IsNullOrWhiteSpace(Baseline) ? null : Baseline,
                AllowPlaceholders = !ReportPlaceholders,
                ExcludePatterns = Exclude.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList(),
                GitIgnore = OptionalBool(RespectGitIgnore),
                HelmIgnore = OptionalBool(RespectHelmIgnore),
            }, _cancellation.Token);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            Log.Log(Diagnostic.Error(DiagnosticCodes.WT5044, SourceLocation.InFile(Directory), Directory));
            return false;
        }
        catch (DiagnosticException exception)
        {
            Log.Log(exception.Diagnostic);
            return false;
        }

        Log.Log(result.AllDiagnostics);
        ErrorCount = result.AllDiagnostics.Count(d => d.IsError);
        Log.LogMessage(MessageImportance.Low, "{0}", ProgressMessage.SecretsScanSummary.Format(result.FilesScanned, ErrorCount, result.AllDiagnostics.Count - ErrorCount, result.Baselined, result.Suppressed));

        if (!string.IsNullOrWhiteSpace(SarifOutput))
        {
            WriteReport(SarifOutput, "sarif", result);
        }

        if (!string.IsNullOrWhiteSpace(OutputFile))
        {
            var format = string.IsNullOrWhiteSpace(Format) ? "sarif" : Format.Trim().ToLowerInvariant();
            if (format is not ("sarif" or "json"))
            {
                Log.Log(Diagnostic.Error(DiagnosticCodes.WT9011, null, nameof(Format), "sarif or json", Format));
            }
            else
            {
                WriteReport(OutputFile, format, result);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private void WriteReport(string path, string format, SecretScanResult result)
    {
        var writer = new StringWriter { NewLine = "\n" };
        if (format == "json")
        {
            SecretSarif.WriteJson(writer, result);
        }
        else
        {
            SecretSarif.Write(writer, result, Directory);
        }

        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                System.IO.Directory.CreateDirectory(directory);
            }

            AtomicFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(writer.ToString()));
            Log.LogMessage(MessageImportance.Low, "{0}", ProgressMessage.SecretsReportWritten.Format(format, path));
        }
        catch (DiagnosticException exception)
        {
            Log.Log(exception.Diagnostic);
        }
    }

    private static bool? OptionalBool(string value) => bool.TryParse(value.Trim(), out var parsed) ? parsed : null;
}
