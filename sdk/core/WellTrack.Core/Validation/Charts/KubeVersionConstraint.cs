using System.Globalization;
using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace WellTrack.Core.Validation.Charts;

/// <summary>
/// Enough of Helm's (Masterminds semver) constraint language for Chart.yaml's kubeVersion: <c>||</c> alternatives of
/// space- or comma-separated comparators (<c>&gt;= &lt;= &gt; &lt; = != ~ ^</c>), partial versions, and the <c>-0</c>
/// suffix that admits pre-release builds. Pre-release parts are ignored when comparing.
/// </summary>
internal static partial class KubeVersionConstraint
{
    /// <summary>True or false; null when the constraint uses something not understood here (never reported).</summary>
    public static bool? Allows(string constraint, SemanticVersion version)
    {
        if (constraint.Contains(" - ", StringComparison.Ordinal))
        {
            return null;
        }

        // ">= 1.25" is ">=1.25": glue operators to their version before splitting on spaces.
        constraint = OperatorSpace().Replace(constraint, "$1");
        var target = (version.Major, version.Minor, version.Patch);
        var any = false;
        foreach (var alternative in constraint.Split("||"))
        {
            var all = true;
            foreach (var comparator in alternative.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                var op = new string(comparator.TakeWhile(c => c is '<' or '>' or '=' or '!' or '~' or '^').ToArray());
                if (!TryParse(comparator[op.Length..], out var bound))
                {
                    return null;
                }

                var cmp = target.CompareTo(bound);
                var ok = op switch
                {
                    ">=" => cmp >= 0,
                    ">" => cmp > 0,
                    "<=" => cmp <= 0,
                    "<" => cmp < 0,
                    "" or "=" or "==" => cmp == 0,
                    "!=" => cmp != 0,
                    "~" or "~>" => cmp >= 0 && target.CompareTo((bound.Major, bound.Minor + 1, 0)) < 0,
                    "^" => cmp >= 0 && target.CompareTo((bound.Major + 1, 0, 0)) < 0,
                    _ => (bool?)null,
                };
                if (ok is null)
                {
                    return null;
                }

                all &= ok.Value;
            }

            any |= all;
        }

        return any;
    }

    [GeneratedRegex(@"(>=|<=|!=|==|~>|>|<|=|~|\^)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex OperatorSpace();

    private static bool TryParse(string text, out (int Major, int Minor, int Patch) version)
    {
        version = default;
        text = text.Trim().TrimStart('v');
        var dash = text.IndexOfAny(['-', '+']);
        if (dash >= 0)
        {
            text = text[..dash];
        }

        var parts = text.Split('.');
        var numbers = new int[3];
        if (parts.Length is 0 or > 3)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = (numbers[0], numbers[1], numbers[2]);
        return true;
    }
}
