using System.Text.RegularExpressions;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>
/// Sprig's regex functions. Go's RE2 and .NET agree on the syntax charts use; patterns run with a timeout so a
/// pathological pattern cannot hang a render (RE2 is linear-time, .NET's engine is not).
/// </summary>
internal static class SprigRegex
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static void Register(FunctionTableBuilder f)
    {
        f.Add("regexMatch", P.Str2, a => TryCompile((string)a[0]!) is { } r && r.Regex.IsMatch((string)a[1]!));
        f.Add("mustRegexMatch", P.Str2, a => Compile((string)a[0]!).Regex.IsMatch((string)a[1]!));
        f.Add("regexFindAll", [GoParam.String, GoParam.String, GoParam.Int], a => FindAll(TryCompile((string)a[0]!), (string)a[1]!, (long)a[2]!));
        f.Add("mustRegexFindAll", [GoParam.String, GoParam.String, GoParam.Int], a => FindAll(Compile((string)a[0]!), (string)a[1]!, (long)a[2]!));
        f.Add("regexFind", P.Str2, a => TryCompile((string)a[0]!)?.Regex.Match((string)a[1]!) is { Success: true } m ? m.Value : string.Empty);
        f.Add("mustRegexFind", P.Str2, a => Compile((string)a[0]!).Regex.Match((string)a[1]!) is { Success: true } m ? m.Value : string.Empty);
        f.Add("regexReplaceAll", P.Str3, a => TryCompile((string)a[0]!) is { } r ? ReplaceAll(r, (string)a[1]!, (string)a[2]!) : (string)a[1]!);
        f.Add("mustRegexReplaceAll", P.Str3, a => ReplaceAll(Compile((string)a[0]!), (string)a[1]!, (string)a[2]!));
        f.Add("regexReplaceAllLiteral", P.Str3, a => TryCompile((string)a[0]!)?.Regex.Replace((string)a[1]!, ((string)a[2]!).Replace("$", "$$", StringComparison.Ordinal)) ?? (string)a[1]!);
        f.Add("mustRegexReplaceAllLiteral", P.Str3, a => Compile((string)a[0]!).Regex.Replace((string)a[1]!, ((string)a[2]!).Replace("$", "$$", StringComparison.Ordinal)));
        f.Add("regexSplit", [GoParam.String, GoParam.String, GoParam.Int], a => Split(TryCompile((string)a[0]!), (string)a[1]!, (long)a[2]!));
        f.Add("mustRegexSplit", [GoParam.String, GoParam.String, GoParam.Int], a => Split(Compile((string)a[0]!), (string)a[1]!, (long)a[2]!));
        f.Add("regexQuoteMeta", P.Str, a => QuoteMeta((string)a[0]!));
    }

    private static GoRegex Compile(string pattern)
    {
        try
        {
            return GoRegex.Compile(pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException e)
        {
            throw new TemplateFunctionException("error parsing regexp: " + e.Message);
        }
    }

    private static GoRegex? TryCompile(string pattern)
    {
        try
        {
            return GoRegex.Compile(pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static List<object?> FindAll(GoRegex? regex, string s, long n)
    {
        if (regex is null)
        {
            return TypedList.Strings([]);
        }

        var matches = regex.Regex.Matches(s).Select(m => m.Value);
        return TypedList.Strings(n < 0 ? matches : matches.Take((int)n));
    }

    private static List<object?> Split(GoRegex? regex, string s, long n)
    {
        if (regex is null || n == 0)
        {
            return [];
        }

        var parts = new TypedList("string", []);
        var start = 0;
        foreach (Match m in regex.Regex.Matches(s))
        {
            if (n > 0 && parts.Count == n - 1)
            {
                break;
            }

            if (m.Length == 0 && m.Index == 0)
            {
                continue;
            }

            parts.Add(s[start..m.Index]);
            start = m.Index + m.Length;
        }

        parts.Add(s[start..]);
        return parts;
    }

    /// <summary>
    /// Go's Regexp.Expand of one match: <c>$name</c> or <c>${name}</c> (letters, digits, underscore) names a group,
    /// by index when it is a number; a group the pattern lacks expands to nothing (so <c>$1W</c> is the group named
    /// "1W", empty); <c>$$</c> is a dollar; a malformed reference leaves its dollar as text. .NET's own replacement
    /// syntax would keep an unknown <c>${1W}</c> as text instead, hence the evaluator.
    /// </summary>
    private static string ReplaceAll(GoRegex regex, string input, string template)
        => regex.Regex.Replace(input, m => Expand(regex, m, template));

    private static string Expand(GoRegex regex, Match match, string template)
    {
        var sb = new System.Text.StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '$')
            {
                sb.Append(template[i++]);
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '$')
            {
                sb.Append('$');
                i += 2;
                continue;
            }

            var braced = i + 1 < template.Length && template[i + 1] == '{';
            var start = i + (braced ? 2 : 1);
            var end = start;
            while (end < template.Length && (char.IsLetterOrDigit(template[end]) || template[end] == '_'))
            {
                end++;
            }

            if (end == start || (braced && (end >= template.Length || template[end] != '}')))
            {
                sb.Append('$');
                i++;
                continue;
            }

            var group = regex.Group(match, template[start..end]);
            sb.Append(group.Success ? group.Value : string.Empty);
            i = braced ? end + 1 : end;
        }

        return sb.ToString();
    }

    private static string QuoteMeta(string s)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in s)
        {
            if (@"\.+*?()|[]{}^$".Contains(c))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
