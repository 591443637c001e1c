namespace WellTrack.Templating.Charts;

/// <summary>
/// The arguments of <c>welltrack template</c> (a subset of `helm template`'s): chart directory, --name,
/// --namespace, --kube-version, --api-versions (repeatable), -f/--values (repeatable), --set (repeatable),
/// --skip-schema-validation.
/// </summary>
public sealed record HelmTemplateCommandLine(string ChartDirectory, RenderOptions Options)
{
    public const string Usage =
        "Usage: welltrack template <chart-dir> [--name <release>] [--namespace <ns>] [--kube-version v1.31.0] " +
        "[--api-versions g/v]... [-f <values.yaml>]... [--set a.b=c]... [--skip-schema-validation]";

    /// <summary>--skip-schema-validation: render without checking values.schema.json files.</summary>
    public bool SkipSchemaValidation { get; init; }

    /// <summary>Parses arguments; returns null with <paramref name="error"/> set when they are not valid.</summary>
    public static HelmTemplateCommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        string? chart = null;
        var options = new RenderOptions();
        var apiVersions = new List<string>();
        var valueFiles = new List<string>();
        var sets = new List<string>();
        var skipSchemaValidation = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
            {
                inline = arg[(arg.IndexOf('=') + 1)..];
                arg = arg[..arg.IndexOf('=')];
            }

            string? Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    return null;
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--name" or "--namespace" or "-n" or "--kube-version" or "--api-versions" or "-a" or "-f" or "--values" or "--set":
                    var value = Value();
                    if (value is null)
                    {
                        error = $"flag needs an argument: {arg}";
                        return null;
                    }

                    switch (arg)
                    {
                        case "--name":
                            options = options with { ReleaseName = value };
                            break;
                        case "--namespace" or "-n":
                            options = options with { Namespace = value };
                            break;
                        case "--kube-version":
                            options = options with { KubeVersion = value };
                            break;
                        case "--api-versions" or "-a":
                            apiVersions.AddRange(value.Split(','));
                            break;
                        case "-f" or "--values":
                            valueFiles.AddRange(value.Split(','));
                            break;
                        default:
                            sets.Add(value);
                            break;
                    }

                    break;
                case "--skip-schema-validation":
                    skipSchemaValidation = true;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        error = $"unknown flag: {arg}";
                        return null;
                    }

                    if (chart is not null)
                    {
                        error = "expected exactly one chart directory";
                        return null;
                    }

                    chart = arg;
                    break;
            }
        }

        if (chart is null)
        {
            error = "missing <chart-dir>";
            return null;
        }

        return new HelmTemplateCommandLine(chart, options with { ApiVersions = apiVersions, ValueFiles = valueFiles, SetValues = sets })
        {
            SkipSchemaValidation = skipSchemaValidation,
        };
    }
}
