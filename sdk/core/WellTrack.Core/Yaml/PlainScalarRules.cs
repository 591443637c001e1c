using System.Text.RegularExpressions;

namespace WellTrack.Core.Yaml;

/// <summary>
/// Decides whether a string may be written as a plain (unquoted) scalar and still be read back as that same
/// string. Helm reads values with sigs.k8s.io/yaml (go-yaml, YAML 1.1 resolution), other tools use YAML 1.2, so a
/// string is quoted when either would read it as a null, boolean, number or timestamp. Over-quoting is harmless;
/// under-quoting turns <c>1.10</c> into the number 1.1.
/// </summary>
internal static partial class PlainScalarRules
{
    /// <summary>Null and boolean words of YAML 1.1 and 1.2, compared case-insensitively to be safe.</summary>
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
        "=", "<<", // YAML 1.1 value key and merge key
    };

    /// <summary>Characters that give a plain scalar's first character another meaning.</summary>
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    /// <summary>Characters that end a plain scalar inside a flow collection.</summary>
    private const string FlowIndicators = ",[]{}";

    public static bool CanBePlain(string value, bool inFlowCollection)
    {
        if (value.Length == 0
            || char.IsWhiteSpace(value[0])
            || char.IsWhiteSpace(value[^1])
            || Indicators.Contains(value[0])
            || value.Any(NeedsEscaping)
            || value.Contains(": ", StringComparison.Ordinal)
            || value.Contains(" #", StringComparison.Ordinal)
            || value.EndsWith(':')
            || (inFlowCollection && value.Any(c => FlowIndicators.Contains(c) || c == ':')))
        {
            return false;
        }

        return !ReservedWords.Contains(value) && !NonStringScalar().IsMatch(value);
    }

    /// <summary>Characters a plain or single-quoted scalar cannot carry literally (line breaks fold, controls are invalid).</summary>
    public static bool NeedsEscaping(char c)
        => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF';

    /// <summary>
    /// Numbers (decimal, octal with 0 or 0o, hexadecimal, binary, underscores, base-60 <c>1:30</c>, floats with a
    /// dot or an exponent, infinities and NaN) and timestamps (<c>2024-01-31...</c>) under YAML 1.1 or 1.2.
    /// </summary>
    [GeneratedRegex("""
        ^(?:
            [-+]?[0-9][0-9_]*
          | [-+]?0[xX][0-9a-fA-F_]+
          | [-+]?0[oO][0-7_]+
          | [-+]?0[bB][01_]+
          | [-+]?(?=\.?[0-9])[0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
          | [-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
          | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
          | [-+]?\.(?:inf|Inf|INF)
          | \.(?:nan|NaN|NAN)
          | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt\s].*)?
        )\z
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex NonStringScalar();
}
