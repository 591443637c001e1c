using WellTrack.Cli.CommandLine;
using WellTrack.Core.Dependencies;

namespace WellTrack.Cli.Commands;

/// <summary>
/// <c>welltrack dependency build|update &lt;chart-dir&gt;</c>: writes charts/*.tgz and Chart.lock as Helm's commands do,
/// for teams that vendor their dependencies. Exit codes: 0 written, 1 a dependency did not resolve, 2 usage.
/// </summary>
internal static class DependencyCommand
{
    public const string Usage = """
        Usage: welltrack dependency build|update <chart-dir> [options]

          build                     fetch what Chart.lock pins (what Chart.yaml asks when there is no Chart.lock)
                                    into charts/; a Chart.lock out of sync with Chart.yaml is an error (WT3420)
          update                    resolve Chart.yaml's constraints again, fetch into charts/, rewrite Chart.lock
          --config <welltrack.yaml> configuration file (default: welltrack.yaml at or above the chart)
          --offline                 use only the cache (a missing chart is WT3412)

        Repositories, their credentials (names of environment variables) and the timeout come from welltrack.yaml's
        dependencies: section. Nothing is written unless every dependency resolved.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var parsed = new ArgumentReader().Option("--config").Flag("--offline").Flag("--help", "-h").Read(args);
        if (parsed.Has("--help") || parsed.Has("-h"))
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Success;
        }

        var positional = parsed.Positionals;
        if (positional.Count != 2 || positional[0] is not ("build" or "update"))
        {
            stderr.WriteLine(Usage);
            return ExitCodes.UsageError;
        }

        var chart = positional[1];
        var (resolver, configuration) = DependencySetup.Create(chart, parsed.Single("--config"), parsed.Has("--offline"));
        foreach (var diagnostic in configuration)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (configuration.Any(d => d.IsError))
        {
            return ExitCodes.UsageError;
        }

        var problems = DependencyVendoring.Run(chart, resolver, positional[0] == "build" ? ResolutionMode.Build : ResolutionMode.Update, cancellationToken);
        foreach (var problem in problems)
        {
            stderr.WriteLine(problem.ToString());
        }

        return problems.Any(p => p.IsError) ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
