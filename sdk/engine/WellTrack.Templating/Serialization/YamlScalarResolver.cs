using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using WellTrack.Templating.Parsing;

namespace WellTrack.Templating.Serialization;

/// <summary>What a plain YAML scalar means under gopkg.in/yaml.v2's resolve(): YAML 1.1 booleans (yes/no/on/off),
/// nulls, ints in any Go base, floats, timestamps, merge keys; anything else is a string.</summary>
internal enum YamlScalarKind
{
    String,
    Null,
    Bool,
    Int,
    Uint,
    Float,
    Timestamp,
    Merge,
}

internal static partial class YamlScalarResolver
{
    public static (YamlScalarKind Kind, object? Value) Resolve(string s)
    {
        if (s.Length == 0)
        {
            return (YamlScalarKind.Null, null);
        }

        var c = s[0];
        var hint = c switch
        {
            '+' or '-' => 'S',
            >= '0' and <= '9' => 'D',
            'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' or '~' => 'M',
            '.' => '.',
            _ => '\0',
        };
        if (hint == '\0')
        {
            return (YamlScalarKind.String, s);
        }

        switch (s)
        {
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return (YamlScalarKind.Bool, true);
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return (YamlScalarKind.Bool, false);
            case "~" or "null" or "Null" or "NULL":
                return (YamlScalarKind.Null, null);
            case ".nan" or ".NaN" or ".NAN":
                return (YamlScalarKind.Float, double.NaN);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return (YamlScalarKind.Float, double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return (YamlScalarKind.Float, double.NegativeInfinity);
            case "<<":
                return (YamlScalarKind.Merge, s);
        }

        switch (hint)
        {
            case '.':
                if (GoParseFloat(s, out var f))
                {
                    return (YamlScalarKind.Float, f);
                }

                break;
            case 'D' or 'S':
                if (IsTimestamp(s))
                {
                    return (YamlScalarKind.Timestamp, s);
                }

                var plain = s.Replace("_", string.Empty, StringComparison.Ordinal);
                if (TryParseGoInt(plain, out var big))
                {
                    if (big >= long.MinValue && big <= long.MaxValue)
                    {
                        return (YamlScalarKind.Int, (long)big);
                    }

                    if (big >= 0 && big <= ulong.MaxValue)
                    {
                        return (YamlScalarKind.Uint, (ulong)big);
                    }
                }

                if (YamlStyleFloat().IsMatch(plain) && GoParseFloat(plain, out var fv))
                {
                    return (YamlScalarKind.Float, fv);
                }

                break;
        }

        return (YamlScalarKind.String, s);
    }

    /// <summary>strconv.ParseInt/ParseUint(s, 0, 64) syntax (after underscores are removed): sign, 0x, 0o, 0b, 0 octal.</summary>
    private static bool TryParseGoInt(string s, out BigInteger value)
    {
        value = default;
        if (s.Length == 0 || s.Contains('_'))
        {
            return false;
        }

        return NumberParser.TryParseInteger(s, out value);
    }

    private static bool GoParseFloat(string s, out double value)
    {
        value = 0;
        if (s.Length == 0 || s.Contains('_'))
        {
            return false;
        }

        var body = s.TrimStart('+', '-');
        if (body.Length == 0 || !(char.IsAsciiDigit(body[0]) || body[0] == '.'))
        {
            return false;
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>yaml.v2's isBase60Float: strings like 1:20 are quoted on output for older parsers.</summary>
    public static bool IsBase60Float(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        var c = s[0];
        if (!(c is '+' or '-' || char.IsAsciiDigit(c)) || !s.Contains(':'))
        {
            return false;
        }

        return Base60Float().IsMatch(s);
    }

    private static bool IsTimestamp(string s)
    {
        // yaml.v2's parseTimestamp: four digits and a dash first, then one of the allowed layouts.
        if (s.Length < 5 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[1]) || !char.IsAsciiDigit(s[2]) || !char.IsAsciiDigit(s[3]) || s[4] != '-')
        {
            return false;
        }

        return Timestamp().IsMatch(s);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlStyleFloat();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")]
    private static partial Regex Base60Float();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]| )[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$")]
    private static partial Regex Timestamp();
}
