using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WellTrack.Templating.Functions;

/// <summary>
/// A Go (RE2) pattern compiled for .NET, with Go's capture-group numbering. Go numbers every capturing group by
/// its opening parenthesis, named or not, and spells names <c>(?P&lt;name&gt;re)</c> (or, since Go 1.22,
/// <c>(?&lt;name&gt;re)</c>); .NET rejects the P form and numbers named groups after the unnamed ones. So each
/// capturing group is rewritten to an explicitly numbered one, <c>(?&lt;N&gt;re)</c> with N its Go number, and the
/// names are kept beside the regex for Expand. Escapes and character classes are copied as they are.
/// </summary>
internal sealed class GoRegex
{
    private GoRegex(Regex regex, IReadOnlyList<string> groupNames)
    {
        Regex = regex;
        GroupNames = groupNames;
    }

    public Regex Regex { get; }

    /// <summary>Go's SubexpNames: index 0 is the whole match; an unnamed group's name is empty.</summary>
    public IReadOnlyList<string> GroupNames { get; }

    /// <summary>Compiles a Go pattern; throws ArgumentException where .NET rejects the rewritten pattern.</summary>
    public static GoRegex Compile(string pattern, RegexOptions options, TimeSpan timeout)
    {
        var names = new List<string> { string.Empty };
        var dotNet = Rewrite(pattern, names);
        return new GoRegex(new Regex(dotNet, options, timeout), names);
    }

    /// <summary>The group a Go reference names: a number is an index, a name the leftmost group so named that took
    /// part in the match (Go allows a name twice, <c>(?P&lt;d&gt;a)|(?P&lt;d&gt;b)</c>).</summary>
    public Group Group(Match match, string reference)
    {
        if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return match.Groups[index];
        }

        for (var i = 1; i < GroupNames.Count; i++)
        {
            if (GroupNames[i] == reference && match.Groups[i].Success)
            {
                return match.Groups[i];
            }
        }

        return Match.Empty; // a group that did not participate: empty, as Go expands an unknown name
    }

    private static string Rewrite(string pattern, List<string> names)
    {
        var sb = new StringBuilder(pattern.Length + 8);
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

            if (c != '(')
            {
                sb.Append(c);
                continue;
            }

            var nameStart = NamedGroupNameStart(pattern, i);
            var nameEnd = nameStart < 0 ? -1 : pattern.IndexOf('>', nameStart);
            if (i + 1 < pattern.Length && pattern[i + 1] == '?' && nameEnd < 0)
            {
                sb.Append(c); // (?:re), (?i) and the like capture nothing
                continue;
            }

            names.Add(nameEnd < 0 ? string.Empty : pattern[nameStart..nameEnd]);
            sb.Append("(?<").Append((names.Count - 1).ToString(CultureInfo.InvariantCulture)).Append('>');
            if (nameEnd >= 0)
            {
                i = nameEnd;
            }
        }

        return sb.ToString();
    }

    /// <summary>Where the name of <c>(?P&lt;name&gt;</c> or <c>(?&lt;name&gt;</c> at <paramref name="open"/> starts; -1 otherwise
    /// (<c>(?&lt;=</c> and <c>(?&lt;!</c> are .NET lookbehinds, which Go does not have, and are left to .NET).</summary>
    private static int NamedGroupNameStart(string pattern, int open)
    {
        if (string.CompareOrdinal(pattern, open, "(?P<", 0, 4) == 0)
        {
            return open + 4;
        }

        return string.CompareOrdinal(pattern, open, "(?<", 0, 3) == 0 && open + 3 < pattern.Length && pattern[open + 3] is not ('=' or '!')
            ? open + 3
            : -1;
    }
}
