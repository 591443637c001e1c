using System.Text;
using System.Text.RegularExpressions;

namespace WellTrack.Core.Validation.Charts;

/// <summary>
/// A chart's .helmignore, as Helm reads it: one pattern per line (path.Match globs), <c>#</c> comments, <c>!</c>
/// negation, a trailing <c>/</c> for directories only, a leading <c>/</c> anchoring at the chart root; a pattern
/// without <c>/</c> matches the base name; the first matching rule decides. Files Helm ignores are not checked.
/// </summary>
internal sealed class HelmIgnore
{
    private readonly List<(Regex Pattern, bool Negate, bool DirectoryOnly, bool MatchesPath)> rules = [];

    public static HelmIgnore Load(string chartDirectory)
    {
        var ignore = new HelmIgnore();
        var file = Path.Combine(chartDirectory, ".helmignore");
        if (!File.Exists(file))
        {
            return ignore;
        }

        foreach (var raw in File.ReadAllLines(file))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var negate = line.StartsWith('!');
            if (negate)
            {
                line = line[1..];
            }

            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/').TrimStart('/');
            if (line.Length == 0)
            {
                continue;
            }

            ignore.rules.Add((new Regex(ToRegex(line), RegexOptions.CultureInvariant), negate, directoryOnly, line.Contains('/', StringComparison.Ordinal)));
        }

        return ignore;
    }

    /// <summary>Whether <paramref name="relativePath"/> (chart-relative, '/'-separated) or a directory above it is ignored.</summary>
    public bool Ignores(string relativePath)
    {
        var parts = relativePath.Split('/');
        for (var depth = 1; depth <= parts.Length; depth++)
        {
            var path = string.Join('/', parts.Take(depth));
            if (Decide(path, parts[depth - 1], isDirectory: depth < parts.Length))
            {
                return true;
            }
        }

        return false;
    }

    private bool Decide(string path, string name, bool isDirectory)
    {
        foreach (var (pattern, negate, directoryOnly, matchesPath) in rules)
        {
            if (directoryOnly && !isDirectory)
            {
                continue;
            }

            if (pattern.IsMatch(matchesPath ? path : name))
            {
                return !negate;
            }
        }

        return false;
    }

    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var end = glob.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = glob[(i + 1)..end];
                    regex.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = end;
                    break;
                case '\\' when i + 1 < glob.Length:
                    regex.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
