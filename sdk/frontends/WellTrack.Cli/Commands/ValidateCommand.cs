using WellTrack.Cli.CommandLine;
using WellTrack.Cli.Output;
using WellTrack.Core.Dependencies;
using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using WellTrack.Diagnostics.Reporting;

namespace WellTrack.Cli.Commands;

/// <summary><c>welltrack validate</c>: the ValidateCharts task's checks, for terminals and non-.NET CI.</summary>
internal static class ValidateCommand
{
    public const string Usage = """
        Usage: welltrack validate <charts-dir|chart-dir> [options]

          --format text|json|sarif  output format (default text: file(line,col): error WT3xxx: ...)
          --output <file>           write the report to a file instead of standard output
          --strict                  warnings are errors
          --kube-version <1.30>     Kubernetes version the objects must be valid for (default 1.30)
          --api-versions <list>     API versions the cluster serves beyond that version's built-in ones, for
                                    .Capabilities.APIVersions (comma-separated, repeatable: monitoring.coreos.com/v1)
          --config <welltrack.yaml> configuration file (default: welltrack.yaml at or above the directory)
          --name <release>          release name to render with (default release-name)
          --namespace <ns>          namespace to render with (default default)
          --offline                 resolve dependencies from the cache only (a missing one is WT3412)

        Every chart is rendered with its values.yaml and with each ci/*-values.yaml, and every rendered object is
        checked: schema, names, references between objects, and practice. Exit code: 0 no errors, 1 errors, 2 usage.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = new ArgumentReader()
            .Option("--format").Option("--output", "-o").Option("--kube-version").Option("--api-versions", "-a").Option("--config").Option("--name").Option("--namespace")
            .Flag("--strict").Flag("--offline").Flag("--help", "-h")
            .Read(args);
        if (parsed.Has("--help") || parsed.Has("-h"))
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Success;
        }

        var directory = parsed.SinglePositional("the charts directory");
        var format = ReportFormat.Read(parsed);
        var settings = ValidationSettings.Default with
        {
            ReleaseName = parsed.Single("--name") ?? ValidationSettings.Default.ReleaseName,
            Namespace = parsed.Single("--namespace") ?? ValidationSettings.Default.Namespace,
            ApiVersions = parsed.AllSplit("--api-versions"),
        };
        if (parsed.Single("--kube-version") is { } kube)
        {
            settings = KubernetesVersion.TryParse(kube, out var version)
                ? settings with { KubernetesVersion = version }
                : throw DiagnosticException.Error(DiagnosticCodes.WT9010, null, "--kube-version", kube);
        }

        if (!Directory.Exists(directory))
        {
            throw new UsageException(DiagnosticCodes.WT9019, directory);
        }

        // Dependencies charts/ lacks are resolved into the cache and rendered from there, never written into the chart.
        var (resolver, dependencyDiagnostics) = DependencySetup.Create(directory, parsed.Single("--config"), parsed.Has("--offline"));
        foreach (var diagnostic in dependencyDiagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (dependencyDiagnostics.Any(d => d.IsError))
        {
            return ExitCodes.UsageError;
        }

        settings = settings with { Dependencies = resolver };
        ValidationReport report;
        try
        {
            report = ChartValidator.ValidateWithConfiguration(directory, new HelmChartRenderer(), settings, strict: parsed.Has("--strict"), configurationFile: parsed.Single("--config"), cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine(Diagnostic.Error(DiagnosticCodes.WT3910, SourceLocation.InFile(directory), directory).ToString());
            return ExitCodes.Cancelled;
        }

        if (!ReportFormat.Emit(parsed, Render(report, format), stdout, stderr))
        {
            return ExitCodes.UsageError;
        }

        stderr.WriteLine("welltrack validate: " + ProgressMessage.ValidationSummary.Format(report.Charts.Count, report.RenderedDocuments, report.ErrorCount, report.WarningCount));
        if (report.Diagnostics.Any(d => d.IsError && ValidationRules.Find(d.Code)?.Category == RuleCategory.Configuration))
        {
            return ExitCodes.UsageError;
        }

        return report.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    internal static string Render(ValidationReport report, string format)
    {
        var writer = new StringWriter { NewLine = "\n" };
        switch (format)
        {
            case "json":
                DiagnosticJsonWriter.Write(writer, report.Diagnostics);
                break;
            case "sarif":
                // URIs relative to where the command runs (the repository root in CI), as the text output prints them.
                SarifWriter.Write(writer, report.Diagnostics, ValidationSarifRules.All, Environment.CurrentDirectory);
                break;
            default:
                foreach (var diagnostic in report.Diagnostics)
                {
                    writer.WriteLine(diagnostic.ToString());
                }

                break;
        }

        return writer.ToString();
    }
}
