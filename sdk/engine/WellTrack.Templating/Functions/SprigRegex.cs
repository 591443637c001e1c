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
        f.Add("regexMatch", P.Str2, a => TryCompile((string)a[0]!) is { } r && r.IsMatch((string)a[1]!));
        f.Add("mustRegexMatch", P.Str2, a => Compile((string)a[0]!).IsMatch((string)a[1]!));
        f.Add("regexFindAll", [GoParam.String, GoParam.String, GoParam.Int], a => FindAll(TryCompile((string)a[0]!), (string)a[1]!, (long)a[2]!));
        f.Add("mustRegexFindAll", [GoParam.String, GoParam.String, GoParam.Int], a => FindAll(Compile((string)a[0]!), (string)a[1]!, (long)a[2]!));
        f.Add("regexFind", P.Str2, a => TryCompile((string)a[0]!)?.Match((string)a[1]!) is { Success: true } m ? m.Value : string.Empty);
        f.Add("mustRegexFind", P.Str2, a => Compile((string)a[0]!).Match((string)a[1]!) is { Success: true } m ? m.Value : string.Empty);
        f.Add("regexReplaceAll", P.Str3, a => TryCompile((string)a[0]!)?.Replace((string)a[1]!, GoReplacement((string)a[2]!)) ?? (string)a[1]!);
        f.Add("mustRegexReplaceAll", P.Str3, a => Compile((string)a[0]!).Replace((string)a[1]!, GoReplacement((string)a[2]!)));
        f.Add("regexReplaceAllLiteral", P.Str3, a => TryCompile((string)a[0]!)?.Replace((string)a[1]!, ((string)a[2]!).Replace("$", "$$", StringComparison.Ordinal)) ?? (string)a[1]!);
        f.Add("mustRegexReplaceAllLiteral", P.Str3, a => Compile((string)a[0]!).Replace((string)a[1]!, ((string)a[2]!).Replace("$", "$$", StringComparison.Ordinal)));
        f.Add("regexSplit", [GoParam.String, GoParam.String, GoParam.Int], a => Split(TryCompile((string)a[0]!), (string)a[1]!, (long)a[2]!));
        f.Add("mustRegexSplit", [GoParam.String, GoParam.String, GoParam.Int], a => Split(Compile((string)a[0]!), (string)a[1]!, (long)a[2]!));
        f.Add("regexQuoteMeta", P.Str, a => QuoteMeta((string)a[0]!));
    }

    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException e)
        {
            throw new TemplateFunctionException("error parsing regexp: " + e.Message);
        }
    }

    private static Regex? TryCompile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static List<object?> FindAll(Regex? regex, string s, long n)
    {
        if (regex is null)
        {
            return TypedList.Strings([]);
        }

        var matches = regex.Matches(s).Select(m => m.Value);
        return TypedList.Strings(n < 0 ? matches : matches.Take((int)n));
    }

    private static List<object?> Split(Regex? regex, string s, long n)
    {
        if (regex is null || n == 0)
        {
            return [];
        }

        var parts = new TypedList("string", []);
        var start = 0;
        foreach (Match m in regex.Matches(s))
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

    /// <summary>Go's Expand syntax ($1, ${1}, $name) mapped to .NET's; a name Go cannot resolve expands to nothing.</summary>
    private static string GoReplacement(string template)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                sb.Append(c == '$' ? "$$" : c.ToString());
                continue;
            }

            if (template[i + 1] == '$')
            {
                sb.Append("$$");
                i++;
                continue;
            }

            var j = i + 1;
            string name;
            if (template[j] == '{')
            {
                var close = template.IndexOf('}', j);
                if (close < 0)
                {
                    sb.Append("$$");
                    continue;
                }

                name = template[(j + 1)..close];
                i = close;
            }
            else
            {
                while (j < template.Length && (char.IsAsciiLetterOrDigit(template[j]) || template[j] == '_'))
                {
                    j++;
                }

                name = template[(i + 1)..j];
                if (name.Length == 0)
                {
                    sb.Append("$$");
                    continue;
                }

                i = j - 1;
            }

            sb.Append("${").Append(name).Append('}');
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
