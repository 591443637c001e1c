using System.Text;
using System.Text.RegularExpressions;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Charts;

/// <summary>
/// Helm's <c>.Files</c>: the chart's non-template files by relative path, with Get, GetBytes, Glob (gobwas/glob
/// with <c>/</c> as separator: <c>*</c> stays within a segment, <c>**</c> crosses them), Lines, AsConfig and
/// AsSecrets. Templates read only these files, never the file system.
/// </summary>
public sealed class ChartFiles : GoObject
{
    private readonly Dictionary<string, byte[]> _files;

    public ChartFiles(Dictionary<string, byte[]> files)
    {
        _files = files;
    }

    public override string TypeName => "main.files";

    public override bool IsMap => true;

    public override int Length => _files.Count;

    public override bool TryGetField(string name, out object? value)
    {
        // A missing key yields the element's zero value, a nil []byte.
        value = _files.TryGetValue(name, out var bytes) ? bytes : Array.Empty<byte>();
        return true;
    }

    public override GoFunction? GetMethod(string name) => name switch
    {
        "Get" => new GoFunction(name, [GoParam.String], false, (_, a) => Encoding.UTF8.GetString(GetBytes((string)a[0]!))),
        "GetBytes" => new GoFunction(name, [GoParam.String], false, (_, a) => GetBytes((string)a[0]!)),
        "Glob" => new GoFunction(name, [GoParam.String], false, (_, a) => Glob((string)a[0]!)),
        "Lines" => new GoFunction(name, [GoParam.String], false, (_, a) => Lines((string)a[0]!)),
        "AsConfig" => new GoFunction(name, [], false, (_, _) => AsConfig()),
        "AsSecrets" => new GoFunction(name, [], false, (_, _) => AsSecrets()),
        _ => null,
    };

    public override string FormatValue() => GoFormatter.FormatValue(ToPlain());

    public override object? ToPlain() => _files.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal);

    private byte[] GetBytes(string name) => _files.TryGetValue(name, out var v) ? v : [];

    private ChartFiles Glob(string pattern)
    {
        var regex = GlobRegex(pattern) ?? GlobRegex("**")!;
        return new ChartFiles(_files.Where(kv => regex.IsMatch(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    private List<object?> Lines(string path)
    {
        if (!_files.TryGetValue(path, out var bytes))
        {
            return TypedList.Strings([]);
        }

        var s = Encoding.UTF8.GetString(bytes);
        if (s.EndsWith('\n'))
        {
            s = s[..^1];
        }

        return TypedList.Strings(s.Split('\n'));
    }

    private string AsConfig() => Functions.HelmFunctions.ToYaml(_files.ToDictionary(
        kv => kv.Key[(kv.Key.LastIndexOf('/') + 1)..], kv => (object?)Encoding.UTF8.GetString(kv.Value), StringComparer.Ordinal));

    private string AsSecrets() => Functions.HelmFunctions.ToYaml(_files.ToDictionary(
        kv => kv.Key[(kv.Key.LastIndexOf('/') + 1)..], kv => (object?)Convert.ToBase64String(kv.Value), StringComparer.Ordinal));

    /// <summary>gobwas/glob syntax with separator '/': *, **, ?, [classes], {alternatives}; null when invalid.</summary>
    /// <remarks>Not <see cref="HelmIgnore.GlobToRegex"/>: Helm itself uses two libraries, gobwas/glob for Files.Glob and
    /// Go's filepath.Match (no ** or braces, errors instead of null) for .helmignore, and charts depend on both.</remarks>
    private static Regex? GlobRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    sb.Append(".*");
                    i++;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                {
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        return null;
                    }

                    var cls = pattern[(i + 1)..end];
                    sb.Append('[').Append(cls.StartsWith('!') ? "^" + cls[1..] : cls).Append(']');
                    i = end;
                    break;
                }

                case '{':
                {
                    var end = pattern.IndexOf('}', i + 1);
                    if (end < 0)
                    {
                        return null;
                    }

                    sb.Append("(?:").Append(string.Join('|', pattern[(i + 1)..end].Split(',').Select(Regex.Escape))).Append(')');
                    i = end;
                    break;
                }

                case '\\' when i + 1 < pattern.Length:
                    sb.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        try
        {
            return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
