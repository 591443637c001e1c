using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace WellTrack.Core.Yaml;

/// <summary>What a scalar means once Kubernetes (sigs.k8s.io/yaml, YAML 1.1 resolution) reads it.</summary>
internal enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

/// <summary>
/// The core's one scalar typing, YAML 1.1 resolution as go-yaml v2 (used by sigs.k8s.io/yaml, hence by Helm and
/// kubectl) does it: the validator types values with it, and the secrets scanner skips what it reads as a number, a
/// boolean or null. (<see cref="PlainScalarRules"/> answers another question: whether any reader, 1.1 or 1.2, could
/// read a string as something else.)
/// </summary>
internal static partial class YamlScalarTyping
{
    public static ScalarKind Classify(string value, ScalarStyle style, string? tag)
    {
        if (style != ScalarStyle.Plain && style != ScalarStyle.Any)
        {
            return ScalarKind.String;
        }

        if (tag is not (null or "!" or "?"))
        {
            return tag switch
            {
                "tag:yaml.org,2002:str" => ScalarKind.String,
                "tag:yaml.org,2002:int" => ScalarKind.Integer,
                "tag:yaml.org,2002:float" => ScalarKind.Float,
                "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
                "tag:yaml.org,2002:null" => ScalarKind.Null,
                _ => ScalarKind.String,
            };
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return ScalarKind.Null;
        }

        if (IsBooleanText(value))
        {
            return ScalarKind.Boolean;
        }

        if (IntegerPattern().IsMatch(value))
        {
            return OfInteger(value);
        }

        if (FloatPattern().IsMatch(value) || value is ".inf" or "-.inf" or "+.inf" or ".Inf" or ".INF" or "-.Inf" or "-.INF" or "+.Inf" or "+.INF" or ".nan" or ".NaN" or ".NAN")
        {
            return ScalarKind.Float;
        }

        return ScalarKind.String;
    }

    /// <summary>The value of a scalar <see cref="Classify"/> calls a boolean.</summary>
    public static bool BooleanValue(string value) => value is "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON";

    private static bool IsBooleanText(string value) => value is "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
        or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" or "on" or "On" or "ON" or "off" or "Off" or "OFF";

    /// <summary>
    /// go-yaml reads an integer with Go's ParseInt, then ParseUint; one that fits neither is a float when it is
    /// written in decimal and a string otherwise (a long 0x... value, such as a key, stays a string).
    /// </summary>
    private static ScalarKind OfInteger(string value)
    {
        var digits = value.Replace("_", string.Empty, StringComparison.Ordinal);
        var sign = digits[0] is '-' or '+' ? digits[0] : '\0';
        var body = sign == '\0' ? digits : digits[1..];
        var (text, style) = body.Length > 1 && body[1] is 'x' or 'b' || body.Length > 1 && body[0] == '0'
            ? (body[(body[1] is 'x' or 'b' ? 2 : 1)..], body[1] is 'x' ? 16 : body[1] is 'b' ? 2 : 8)
            : (body, 10);
        var fits = Magnitude(text, style) is { } magnitude
                   && magnitude <= sign switch { '-' => (ulong)long.MaxValue + 1, '+' => long.MaxValue, _ => ulong.MaxValue };
        return fits ? ScalarKind.Integer : style == 10 ? ScalarKind.Float : ScalarKind.String;
    }

    private static ulong? Magnitude(string digits, int numberBase)
    {
        ulong magnitude = 0;
        foreach (var c in digits)
        {
            var digit = (ulong)(char.IsAsciiDigit(c) ? c - '0' : char.ToLowerInvariant(c) - 'a' + 10);
            if (magnitude > (ulong.MaxValue - digit) / (ulong)numberBase)
            {
                return null;
            }

            magnitude = (magnitude * (ulong)numberBase) + digit;
        }

        return magnitude;
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    /// <summary>go-yaml's float syntax: a dot with a digit on either side, or an exponent (its sign optional).</summary>
    [GeneratedRegex(@"^[-+]?(?=\.?[0-9])[0-9_]*\.[0-9_]*([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
