using System.Text;

namespace WellTrack.Templating.Functions;

/// <summary>
/// The parts of Go's RE2 pattern syntax that .NET spells differently, rewritten before compiling: a named group
/// <c>(?P&lt;name&gt;re)</c> is <c>(?&lt;name&gt;re)</c> in .NET, which rejects the P form. Escapes and character
/// classes are copied as they are, so a literal <c>\(?P&lt;</c> or <c>[(?P&lt;]</c> is left alone.
/// </summary>
internal static class GoRegexSyntax
{
    public static string ToDotNet(string pattern)
    {
        if (!pattern.Contains("(?P<", StringComparison.Ordinal))
        {
            return pattern;
        }

        var sb = new StringBuilder(pattern.Length);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                sb.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    sb.Append(pattern[++i]);
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    sb.Append(pattern[++i]); // a ']' first in a class is a literal, not its end
                }

                continue;
            }

            if (c == '(' && string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                sb.Append("(?<");
                i += 3;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
