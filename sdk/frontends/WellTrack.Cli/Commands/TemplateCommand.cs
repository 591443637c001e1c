using WellTrack.Core.Dependencies;
using WellTrack.Core.Validation;
using WellTrack.Templating.Charts;

namespace WellTrack.Cli.Commands;

/// <summary>
/// <c>welltrack template</c>: renders a chart and prints exactly what `helm template` prints. Exit codes: 0 rendered,
/// 1 render error (<c>Error: ...</c> on stderr, worded as Helm words it), 2 usage.
/// </summary>
internal static class TemplateCommand
{
    public const string Usage = HelmTemplateCommandLine.Usage;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Success;
        }

        // --offline is welltrack's own (dependencies from the cache only); the rest is helm template's command line.
        var offline = args.Contains("--offline");
        var commandLine = HelmTemplateCommandLine.Parse([.. args.Where(a => a != "--offline")], out var usageError);
        if (commandLine is null)
        {
            stderr.WriteLine($"Error: {usageError}");
            stderr.WriteLine(Usage);
            return ExitCodes.UsageError;
        }

        // Helm checks the values against every chart's values.schema.json before rendering; the engine leaves the
        // JSON Schema implementation to the core.
        var options = commandLine.SkipSchemaValidation ? commandLine.Options : commandLine.Options with { ValuesSchemaValidator = ChartValuesSchema.Validator() };
        var (resolver, configuration) = DependencySetup.Create(commandLine.ChartDirectory, configurationFile: null, offline);
        options = options with { ResolveDependencies = resolver.Complete };
        var result = ChartRenderer.Render(commandLine.ChartDirectory, options);
        foreach (var diagnostic in configuration.Concat(resolver.Problems().Select(p => p.Diagnostic)))
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (!result.Succeeded)
        {
            stderr.WriteLine($"Error: {result.Error}");
            return ExitCodes.ErrorsFound;
        }

        stdout.Write(result.ToHelmOutput());
        return ExitCodes.Success;
    }
}
