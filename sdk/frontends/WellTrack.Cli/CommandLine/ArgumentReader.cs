using WellTrack.Diagnostics;

namespace WellTrack.Cli.CommandLine;

/// <summary>
/// A small POSIX-style reader: <c>--name value</c>, <c>--name=value</c>, <c>-f value</c> (declared aliases), flags,
/// and positionals. Unknown options are usage errors, never silently ignored.
/// </summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string> _valueOptions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <summary>Declares an option that takes a value; <paramref name="names"/> are its spellings, the first is canonical.</summary>
    public ArgumentReader Option(params string[] names)
    {
        foreach (var name in names)
        {
            _valueOptions[name] = names[0];
        }

        return this;
    }

    public ArgumentReader Flag(params string[] names)
    {
        foreach (var name in names)
        {
            _flags.Add(name);
        }

        return this;
    }

    public ParsedArguments Read(IReadOnlyList<string> args)
    {
        var parsed = new ParsedArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument == "--")
            {
                parsed.Positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (!argument.StartsWith('-') || argument == "-")
            {
                parsed.Positionals.Add(argument);
                continue;
            }

            var (name, inlineValue) = SplitInline(argument);
            if (_flags.Contains(name) && inlineValue is null)
            {
                parsed.AddFlag(name);
                continue;
            }

            if (!_valueOptions.TryGetValue(name, out var canonical))
            {
                throw new UsageException(DiagnosticCodes.WT9014, name);
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException(DiagnosticCodes.WT9015, name));
            parsed.AddOption(canonical, value);
        }

        return parsed;
    }

    private static (string Name, string? Value) SplitInline(string argument)
    {
        var equals = argument.IndexOf('=');
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 2
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }
}
