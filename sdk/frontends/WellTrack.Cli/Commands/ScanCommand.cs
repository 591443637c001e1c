using WellTrack.Cli.CommandLine;
using WellTrack.Cli.Output;
using WellTrack.Core.Secrets;
using WellTrack.Diagnostics;

namespace WellTrack.Cli.Commands;

/// <summary><c>welltrack scan</c>: the CheckNoPlainSecrets task's scan, for terminals and non-.NET CI.</summary>
internal static class ScanCommand
{
    public const string Usage = """
        Usage: welltrack scan <dir> [options]

          --format text|json|sarif  output format (default text: file(line,col): error WT5xxx: ...)
          --output <file>           write the report to a file instead of standard output
          --baseline <file>         accepted fingerprints (default: <dir>/.welltrack-secrets-baseline.json when present)
          --update-baseline         write every current finding's fingerprint to the baseline and exit 0
          --no-placeholders         report placeholders (changeme, <your-key>) under secret-like keys too
          --exclude <glob>          never scan these paths (.gitignore grammar; repeatable; adds to secrets.exclude in welltrack.yaml)
          --no-gitignore            scan files that .gitignore leaves out of git too (default: skip them)
          --helmignore              skip what each chart's .helmignore leaves out of its package (default: scan them)

        Exit code: 0 no error findings, 1 findings, 2 usage or configuration error.
        Findings never show a secret: only its key, the rule and a redacted excerpt (GOCS…[redacted]).
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = new ArgumentReader()
            .Option("--format").Option("--output", "-o").Option("--baseline").Option("--exclude")
            .Flag("--update-baseline").Flag("--no-placeholders").Flag("--no-gitignore").Flag("--helmignore").Flag("--help", "-h")
            .Read(args);
        if (parsed.Has("--help") || parsed.Has("-h"))
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Success;
        }

        var directory = parsed.SinglePositional("the directory to scan");
        var format = ReportFormat.Read(parsed);

        var baselineOption = parsed.Single("--baseline");
        var update = parsed.Has("--update-baseline");
        var options = new SecretScanOptions
        {
            // Updating reads no baseline: it records everything found now.
            BaselinePath = update ? string.Empty : baselineOption,
            AllowPlaceholders = !parsed.Has("--no-placeholders"),
            ExcludePatterns = parsed.All("--exclude"),
            GitIgnore = parsed.Has("--no-gitignore") ? false : null,
            HelmIgnore = parsed.Has("--helmignore") ? true : null,
        };

        SecretScanResult result;
        try
        {
            result = SecretScanner.Scan(directory, options, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine(Diagnostic.Error(DiagnosticCodes.WT5044, SourceLocation.InFile(directory), directory).ToString());
            return ExitCodes.Cancelled;
        }
        catch (DiagnosticException exception)
        {
            stderr.WriteLine(exception.Diagnostic.ToString());
            return ExitCodes.UsageError;
        }

        if (update)
        {
            var path = baselineOption ?? Path.Combine(directory, SecretBaseline.DefaultFileName);
            var accepted = result.Findings.Where(f => f.Diagnostic.Severity != DiagnosticSeverity.Note).ToList();
            try
            {
                SecretBaseline.Write(path, accepted);
            }
            catch (DiagnosticException exception)
            {
                stderr.WriteLine(exception.Diagnostic.ToString());
                return ExitCodes.UsageError;
            }

            stderr.WriteLine("welltrack scan: " + ProgressMessage.SecretsBaselineWritten.Format(accepted.Count, path));
            return ExitCodes.Success;
        }

        if (!ReportFormat.Emit(parsed, Render(result, format, directory), stdout, stderr))
        {
            return ExitCodes.UsageError;
        }

        var errors = result.AllDiagnostics.Count(d => d.IsError);
        stderr.WriteLine("welltrack scan: " + ProgressMessage.SecretsScanSummary.Format(result.FilesScanned, errors, result.AllDiagnostics.Count - errors, result.Baselined, result.Suppressed));
        return errors > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    /// <summary>The report in <paramref name="format"/>; shared with tests that check no secret is ever printed.</summary>
    internal static string Render(SecretScanResult result, string format, string directory)
    {
        var writer = new StringWriter { NewLine = "\n" };
        switch (format)
        {
            case "json":
                SecretSarif.WriteJson(writer, result);
                break;
            case "sarif":
                SecretSarif.Write(writer, result, directory);
                break;
            default:
                foreach (var diagnostic in result.AllDiagnostics)
                {
                    writer.WriteLine(diagnostic.ToString());
                }

                break;
        }

        return writer.ToString();
    }
}
