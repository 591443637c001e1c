using System.Reflection;
using WellTrack.Cli.CommandLine;
using WellTrack.Cli.Commands;
using WellTrack.Diagnostics;

namespace WellTrack.Cli;

/// <summary>Dispatches the verb; turns usage mistakes and coded failures into messages and exit codes, never stack traces.</summary>
internal static class CliApplication
{
    private const string Usage = """
        welltrack — GitOps for WellTrack services

        Usage: welltrack <command> [options]

        Commands:
          bump       set image.tag (and digest) in GitOps values files, commit and push
          scan       find plain secrets in charts, values and manifests (never prints them)
          validate   render every chart and check it: chart files, objects, references between them, practice
          template   render a Helm chart exactly as `helm template` does
          dependency build|update: write a chart's dependencies to charts/ and Chart.lock, as Helm does

        Run 'welltrack <command> --help' for a command's options.
        """;

    private static readonly Dictionary<string, (Func<IReadOnlyList<string>, TextWriter, TextWriter, CancellationToken, int> Run, string Usage)> Commands = new(StringComparer.Ordinal)
    {
        ["bump"] = (BumpCommand.Run, BumpCommand.Usage),
        ["scan"] = (ScanCommand.Run, ScanCommand.Usage),
        ["validate"] = (ValidateCommand.Run, ValidateCommand.Usage),
        ["dependency"] = (DependencyCommand.Run, DependencyCommand.Usage),
        ["template"] = ((args, stdout, stderr, _) => TemplateCommand.Run(args, stdout, stderr), "Usage: welltrack template <chart-dir> [--name <release>] [--namespace <ns>] [--kube-version v1.31.0] [--api-versions g/v]... [-f <values.yaml>]... [--set a.b=c]..."),
    };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            (args.Count == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Count == 0 ? ExitCodes.UsageError : ExitCodes.Success;
        }

        if (args[0] is "--version")
        {
            stdout.WriteLine(typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
            return ExitCodes.Success;
        }

        if (!Commands.TryGetValue(args[0], out var command))
        {
            stderr.WriteLine(Diagnostic.Error(DiagnosticCodes.WT9020, null, args[0]).ToString());
            stderr.WriteLine(Usage);
            return ExitCodes.UsageError;
        }

        try
        {
            return command.Run(args.Skip(1).ToList(), stdout, stderr, cancellationToken);
        }
        catch (UsageException exception)
        {
            stderr.WriteLine(exception.Diagnostic.ToString());
            stderr.WriteLine(command.Usage);
            return ExitCodes.UsageError;
        }
        catch (DiagnosticException exception)
        {
            stderr.WriteLine(exception.Diagnostic.ToString());
            return exception.Diagnostic.IsConfigurationError ? ExitCodes.UsageError : ExitCodes.ErrorsFound;
        }
    }
}
