using WellTrack.Diagnostics;

namespace WellTrack.Cli.CommandLine;

/// <summary>Options and positional arguments of one verb, as read by <see cref="ArgumentReader"/>.</summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    /// <summary>The one positional argument of a command that takes exactly one; a usage error naming
    /// <paramref name="what"/> when it is missing, or the first extra one.</summary>
    public string SinglePositional(string what) => Positionals.Count switch
    {
        1 => Positionals[0],
        0 => throw new UsageException(DiagnosticCodes.WT9002, what),
        _ => throw new UsageException(DiagnosticCodes.WT9016, Positionals[1]),
    };

    public void AddOption(string name, string value)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            _options[name] = values = [];
        }

        values.Add(value);
    }

    public void AddFlag(string name) => _flags.Add(name);

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Single(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    /// <summary>Every value of a repeatable option, each also split on commas (<c>--chart a,b --chart c</c>).</summary>
    public IReadOnlyList<string> AllSplit(string name)
        => All(name).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
