using System.Text;
using Microsoft.Build.Framework;
using WellTrack.Core.Dependencies;
using WellTrack.Core.IO;
using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using WellTrack.Diagnostics.Reporting;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace WellTrack.Sdk.Tasks;

/// <summary>
/// Renders every chart (default values and each ci/*-values.yaml) and checks the chart files, every rendered object,
/// the objects together and good practice. A thin translation of MSBuild inputs into <see cref="ChartValidator"/>.
/// </summary>
public sealed class ValidateCharts : MSBuildTask, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>A directory of charts, or one chart.</summary>
    [Required]
    public string Directory { get; set; } = string.Empty;

    /// <summary>Warnings become errors.</summary>
    public bool Strict { get; set; }

    /// <summary>Kubernetes version the rendered objects must be valid for (1.30 by default, or welltrack.yaml's).</summary>
    public string KubernetesVersion { get; set; } = string.Empty;

    /// <summary>welltrack.yaml to read; empty finds one at or above <see cref="Directory"/>.</summary>
    public string ConfigurationFile { get; set; } = string.Empty;

    /// <summary>Rule grades: Include=WT3301, Severity=none|note|warning|error, Reason=..., Chart=... (optional).</summary>
    public ITaskItem[] Rules { get; set; } = [];

    /// <summary>Resolve chart dependencies from the cache only (<c>GitOpsOffline</c>).</summary>
    public bool Offline { get; set; }

    /// <summary>Also write a SARIF 2.1.0 report here.</summary>
    public string SarifOutput { get; set; } = string.Empty;

    [Output]
    public int ErrorCount { get; private set; }

    [Output]
    public int WarningCount { get; private set; }

    /// <summary>Stops after the chart in progress (Ctrl+C in the build).</summary>
    public void Cancel() => _cancellation.Cancel();

    // The token source is all the task owns; its owner (the build engine, a test) may release it after Execute.
    public void Dispose() => _cancellation.Dispose();

    public override bool Execute()
    {
        var settings = ValidationSettings.Default;
        if (KubernetesVersion.Length > 0)
        {
            if (!WellTrack.Core.Validation.KubernetesVersion.TryParse(KubernetesVersion, out var version))
            {
                Log.Log(Diagnostic.Error(DiagnosticCodes.WT9010, null, nameof(KubernetesVersion), KubernetesVersion));
                return false;
            }

            settings = settings with { KubernetesVersion = version };
        }

        var items = Rules.Select(item => new RuleSettingItem(
            item.ItemSpec,
            item.GetMetadata("Severity"),
            NullIfEmpty(item.GetMetadata("Reason")),
            NullIfEmpty(item.GetMetadata("Chart"))));
        // Dependencies charts/ lacks are resolved into the cache, never written into the repository.
        var (resolver, dependencyDiagnostics) = DependencySetup.Create(Directory, NullIfEmpty(ConfigurationFile), Offline);
        Log.Log(dependencyDiagnostics);
        settings = settings with { Dependencies = resolver };
        ValidationReport report;
        try
        {
            report = ChartValidator.ValidateWithConfiguration(Directory, new HelmChartRenderer(), settings, items, Strict, NullIfEmpty(ConfigurationFile), _cancellation.Token);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            Log.Log(Diagnostic.Error(DiagnosticCodes.WT3910, SourceLocation.InFile(Directory), Directory));
            return false;
        }

        Log.Log(report.Diagnostics);
        ErrorCount = report.ErrorCount;
        WarningCount = report.WarningCount;
        if (SarifOutput.Length > 0)
        {
            var sarif = new StringWriter { NewLine = "\n" };
            // URIs relative to the project, as MSBuild prints the findings.
            SarifWriter.Write(sarif, report.Diagnostics, ValidationSarifRules.All, Path.GetDirectoryName(Path.GetFullPath(BuildEngine.ProjectFileOfTaskNode)));
            try
            {
                AtomicFile.WriteAllBytes(SarifOutput, Encoding.UTF8.GetBytes(sarif.ToString()));
            }
            catch (DiagnosticException exception)
            {
                Log.Log(exception.Diagnostic);
            }
        }

        Log.LogMessage(MessageImportance.Normal, "{0}", ProgressMessage.ValidationSummary.Format(report.Charts.Count, report.RenderedDocuments, ErrorCount, WarningCount));
        return !Log.HasLoggedErrors;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
