using System.Text.RegularExpressions;

namespace WellTrack.Templating.Charts;

/// <summary>
/// .helmignore rules as Helm v3 applies them: the chart's rules then the default <c>templates/.?*</c>; the first
/// matching rule decides; <c>!</c> negates (a negated rule ignores every path it does not match); a trailing
/// <c>/</c> matches directories only; a leading <c>/</c> anchors at the chart root; no <c>**</c>. The one
/// implementation of the grammar: <see cref="LoadedChart.ReadFiles"/> applies it, and tools that list a chart's files
/// go through that (or this) rather than reading .helmignore themselves.
/// </summary>
public sealed class HelmIgnore
{
    private readonly List<Rule> _rules;

    private HelmIgnore(List<Rule> rules)
    {
        _rules = rules;
    }

    private sealed record Rule(bool Negate, bool MustDir, Func<string, bool> Match);

    /// <summary>The rules of <paramref name="chartDirectory"/>'s .helmignore (the defaults alone when there is none).</summary>
    /// <exception cref="ChartLoadException">When a rule is malformed.</exception>
    public static HelmIgnore Load(string chartDirectory)
    {
        var file = Path.Combine(chartDirectory, ".helmignore");
        return Parse(File.Exists(file) ? File.ReadAllText(file) : null);
    }

    /// <summary>Rules from .helmignore text (null: no file), followed by Helm's default <c>templates/.?*</c>.</summary>
    /// <exception cref="ChartLoadException">When a rule is malformed.</exception>
    public static HelmIgnore Parse(string? text)
    {
        var rules = new List<Rule>();
        var lines = (text ?? string.Empty).Split('\n').Append("templates/.?*");
        foreach (var line in lines)
        {
            var rule = line.Trim();
            if (rule.Length == 0 || rule.StartsWith('#'))
            {
                continue;
            }

            if (rule.Contains("**", StringComparison.Ordinal))
            {
                throw new ChartLoadException("double-star (**) syntax is not supported");
            }

            var negate = false;
            var mustDir = false;
            if (rule.StartsWith('!'))
            {
                negate = true;
                rule = rule[1..];
            }

            if (rule.EndsWith('/'))
            {
                mustDir = true;
                rule = rule.TrimEnd('/');
            }

            Func<string, bool> match;
            if (rule.StartsWith('/'))
            {
                var pattern = GlobToRegex(rule[1..]);
                match = p => pattern.IsMatch(p);
            }
            else if (rule.Contains('/'))
            {
                var pattern = GlobToRegex(rule);
                match = p => pattern.IsMatch(p);
            }
            else
            {
                var pattern = GlobToRegex(rule);
                match = p => pattern.IsMatch(p[(p.LastIndexOf('/') + 1)..]);
            }

            rules.Add(new Rule(negate, mustDir, match));
        }

        return new HelmIgnore(rules);
    }

    /// <summary>Whether Helm skips <paramref name="relativePath"/> (chart-relative, '/'-separated). Helm asks for each
    /// directory on the way down and does not enter an ignored one; this answers for the entry alone.</summary>
    public bool Ignore(string relativePath, bool isDirectory)
    {
        foreach (var r in _rules)
        {
            if (r.Negate)
            {
                if (r.MustDir && !isDirectory)
                {
                    return true;
                }

                if (!r.Match(relativePath))
                {
                    return true;
                }

                continue;
            }

            if (r.MustDir && !isDirectory)
            {
                continue;
            }

            if (r.Match(relativePath))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Go's filepath.Match syntax: * (not /), ?, [classes], \ escapes.</summary>
    internal static Regex GlobToRegex(string glob)
    {
        var sb = new System.Text.StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var end = glob.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        throw new ChartLoadException("syntax error in pattern");
                    }

                    var cls = glob[(i + 1)..end];
                    sb.Append('[').Append(cls.StartsWith('^') ? "^" + Regex.Escape(cls[1..]).Replace("\\-", "-", StringComparison.Ordinal) : Regex.Escape(cls).Replace("\\-", "-", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                case '\\' when i + 1 < glob.Length:
                    sb.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
