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

        var commandLine = HelmTemplateCommandLine.Parse(args, out var usageError);
        if (commandLine is null)
        {
            stderr.WriteLine($"Error: {usageError}");
            stderr.WriteLine(Usage);
            return ExitCodes.UsageError;
        }

        // Helm checks the values against every chart's values.schema.json before rendering; the engine leaves the
        // JSON Schema implementation to the core.
        var options = commandLine.SkipSchemaValidation ? commandLine.Options : commandLine.Options with { ValuesSchemaValidator = ChartValuesSchema.Validator() };
        var result = ChartRenderer.Render(commandLine.ChartDirectory, options);
        if (!result.Succeeded)
        {
            stderr.WriteLine($"Error: {result.Error}");
            return ExitCodes.ErrorsFound;
        }

        stdout.Write(result.ToHelmOutput());
        return ExitCodes.Success;
    }
}
