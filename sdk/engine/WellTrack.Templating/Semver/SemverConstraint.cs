using System.Globalization;
using System.Text.RegularExpressions;

namespace WellTrack.Templating.Semver;

/// <summary>
/// Masterminds/semver v3 constraints: <c>||</c> alternatives of comma- or space-separated comparisons
/// (=, !=, &gt;, &lt;, &gt;=, &lt;=, ~, ^), wildcards (1.2.x, *) and hyphen ranges. A prerelease version only
/// satisfies a comparison whose own version has a prerelease (the <c>-0</c> idiom), as in Masterminds.
/// </summary>
public sealed partial class SemverConstraint
{
    private readonly List<List<Comparison>> _alternatives;

    private SemverConstraint(List<List<Comparison>> alternatives)
    {
        _alternatives = alternatives;
    }

    private sealed record Comparison(string Op, SemanticVersion Version, int Wildcard);

    public static bool TryParse(string text, out SemverConstraint constraint)
    {
        constraint = null!;
        var result = new List<List<Comparison>>();
        foreach (var alternative in text.Split("||"))
        {
            var expanded = HyphenRange().Replace(alternative, m => $">= {m.Groups[1].Value}, <= {m.Groups[2].Value}");
            var group = new List<Comparison>();
            foreach (Match m in ComparisonPattern().Matches(expanded))
            {
                var op = m.Groups[1].Value;
                var ver = m.Groups[2].Value;
                if (!TryParseWildcardVersion(ver, out var version, out var wildcard))
                {
                    return false;
                }

                group.Add(new Comparison(op, version, wildcard));
            }

            var leftover = ComparisonPattern().Replace(expanded, string.Empty).Replace(",", string.Empty, StringComparison.Ordinal).Trim();
            if (group.Count == 0 || leftover.Length > 0)
            {
                return false;
            }

            result.Add(group);
        }

        constraint = new SemverConstraint(result);
        return true;
    }

    /// <summary>Parses 1, 1.2, 1.2.3, with x/X/* in place of a part; Wildcard is the index of the first wild part (3 = none).</summary>
    private static bool TryParseWildcardVersion(string text, out SemanticVersion version, out int wildcard)
    {
        version = null!;
        wildcard = 3;
        var core = text.TrimStart('v');
        var dash = core.IndexOfAny(['-', '+']);
        var suffix = dash >= 0 ? core[dash..] : string.Empty;
        var parts = (dash >= 0 ? core[..dash] : core).Split('.');
        if (parts.Length > 3)
        {
            return false;
        }

        var numbers = new ulong[3];
        for (var i = 0; i < 3; i++)
        {
            if (i >= parts.Length)
            {
                wildcard = Math.Min(wildcard, i);
                continue;
            }

            if (parts[i] is "x" or "X" or "*")
            {
                wildcard = Math.Min(wildcard, i);
                continue;
            }

            if (wildcard < 3 || !ulong.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        return SemanticVersion.TryParse($"{numbers[0]}.{numbers[1]}.{numbers[2]}{suffix}", out version);
    }

    public bool Check(SemanticVersion v) => _alternatives.Exists(group => group.TrueForAll(c => Satisfies(v, c)));

    private static bool Satisfies(SemanticVersion v, Comparison c)
    {
        if (v.Prerelease.Length > 0 && c.Version.Prerelease.Length == 0)
        {
            return false;
        }

        var cv = c.Version;
        var w = c.Wildcard;
        int Cmp(SemanticVersion a, SemanticVersion b) => a.CompareTo(b);
        SemanticVersion Next(int level) => level switch
        {
            0 => SemanticVersion.Of(cv.Major + 1, 0, 0),
            1 => SemanticVersion.Of(cv.Major, cv.Minor + 1, 0),
            _ => SemanticVersion.Of(cv.Major, cv.Minor, cv.Patch + 1),
        };

        // Masterminds bounds ~, ^ and x-ranges by comparing parts (same major, same minor), not by "< next version":
        // a pre-release of the next version (1.3.0-rc.1 for ~1.2.0-0) is outside the range.
        bool Below(SemanticVersion upper) => Cmp(v.WithoutPrerelease(), upper) < 0;

        // w is the index of the first wildcard part (3: none); "1.2.x" ranges over [1.2.0, 1.3.0).
        bool InWildcardRange() => w == 0 || (Cmp(v, cv) >= 0 && Below(Next(w - 1)));
        switch (c.Op)
        {
            case "" or "=":
                return w == 3 ? Cmp(v, cv) == 0 : InWildcardRange();
            case "!=":
                return w == 3 ? Cmp(v, cv) != 0 : !InWildcardRange();
            case ">":
                return w == 3 ? Cmp(v, cv) > 0 : w != 0 && Cmp(v, Next(w - 1)) >= 0;
            case ">=" or "=>":
                return Cmp(v, cv) >= 0;
            case "<":
                return Cmp(v, cv) < 0;
            case "<=" or "=<":
                return w == 3 ? Cmp(v, cv) <= 0 : w == 0 || Cmp(v, Next(w - 1)) < 0;
            case "~" or "~>":
                // ~1.2.3 and ~1.2 allow patch changes, ~1 minor changes.
                return w == 0 || (Cmp(v, cv) >= 0 && Below(w <= 1 ? Next(0) : Next(1)));
            case "^":
                // ^ allows changes that keep the left-most non-zero part.
                if (w == 0)
                {
                    return true;
                }

                var upper = cv.Major > 0 || w == 1 ? Next(0) : cv.Minor > 0 || w == 2 ? Next(1) : Next(2);
                return Cmp(v, cv) >= 0 && Below(upper);
            default:
                return false;
        }
    }

    [GeneratedRegex(@"(=>|=<|~>|!=|>=|<=|=|>|<|~|\^)?\s*(v?[0-9xX*]+(?:\.[0-9xX*]+){0,2}(?:-[0-9A-Za-z\-.]+)?(?:\+[0-9A-Za-z\-.]+)?)")]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex(@"\s*(v?[0-9xX*]+(?:\.[0-9xX*]+){0,2}(?:-[0-9A-Za-z\-.]+)?)\s+-\s+(v?[0-9xX*]+(?:\.[0-9xX*]+){0,2}(?:-[0-9A-Za-z\-.]+)?)\s*")]
    private static partial Regex HyphenRange();
}
