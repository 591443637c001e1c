using System.Text;
using System.Text.RegularExpressions;

namespace WellTrack.Core.Secrets.Files;

/// <summary>
/// The rules of one <c>.gitignore</c> (or a list of exclude globs in the same grammar), relative to the directory
/// that holds it: <c>#</c> comments, <c>!</c> negation, a trailing <c>/</c> for directories only, a pattern with a
/// <c>/</c> anchored at that directory (otherwise it matches a name at any depth), <c>*</c>, <c>?</c>,
/// <c>[...]</c> and <c>**</c>. The last matching rule decides, as in git.
/// </summary>
internal sealed class GitIgnore
{
    private readonly List<Rule> _rules;

    private GitIgnore(List<Rule> rules)
    {
        _rules = rules;
    }

    private sealed record Rule(bool Negate, bool DirectoryOnly, Regex Pattern);

    public static GitIgnore Empty { get; } = new([]);

    public bool IsEmpty => _rules.Count == 0;

    public static GitIgnore Parse(IEnumerable<string> lines)
    {
        var rules = new List<Rule>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            // Trailing spaces are ignored unless escaped.
            line = line.EndsWith("\\ ", StringComparison.Ordinal) ? line : line.TrimEnd(' ');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var negate = line[0] == '!';
            if (negate || line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal))
            {
                line = line[1..];
            }

            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0)
            {
                continue;
            }

            // A slash at the start or in the middle anchors the pattern; otherwise it matches at any depth.
            var anchored = line.Contains('/', StringComparison.Ordinal);
            line = line.TrimStart('/');
            var pattern = anchored || line.StartsWith("**", StringComparison.Ordinal) ? line : "**/" + line;
            rules.Add(new Rule(negate, directoryOnly, new Regex(ToRegex(pattern), RegexOptions.CultureInvariant)));
        }

        return new GitIgnore(rules);
    }

    public static GitIgnore Load(string file) => File.Exists(file) ? Parse(File.ReadLines(file)) : Empty;

    /// <summary>True ignored, false re-included by a negation, null when no rule says anything.</summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            var rule = _rules[i];
            if ((!rule.DirectoryOnly || isDirectory) && rule.Pattern.IsMatch(relativePath))
            {
                return !rule.Negate;
            }
        }

        return null;
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var atSegmentStart = i == 0 || glob[i - 1] == '/';
                var atSegmentEnd = i + 2 == glob.Length || glob[i + 2] == '/';
                if (atSegmentStart && atSegmentEnd)
                {
                    if (i + 2 == glob.Length)
                    {
                        sb.Append(".*");
                    }
                    else
                    {
                        // "**/" matches zero or more directories.
                        sb.Append("(?:.*/)?");
                        i++;
                    }

                    i++;
                    continue;
                }

                sb.Append("[^/]*");
                i++;
                continue;
            }

            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 2);
                    if (close < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }

                    var set = glob[(i + 1)..close];
                    sb.Append('[').Append(set[0] == '!' ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                case '\\' when i + 1 < glob.Length:
                    sb.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        // A pattern matching a directory also covers everything under it (an exclude glob names the directory).
        return sb.Append("(?:/.*)?$").ToString();
    }
}
