using System.Globalization;
using System.Text;

namespace WellTrack.Templating.Values;

/// <summary>fmt's printArg/printValue: one value under one verb and its flags (strings, integers, floats, composites).</summary>
public static partial class GoFormatter
{
    private static void FormatArg(StringBuilder sb, object? arg, int verb, Spec spec)
    {
        if (arg is NoValue)
        {
            // A reflect.Value that is invalid prints as <invalid reflect.Value>.
            Pad(sb, "<invalid reflect.Value>", spec);
            return;
        }

        if (arg is null)
        {
            if (verb is 'v' or 'T')
            {
                Pad(sb, "<nil>", spec);
            }
            else
            {
                sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(<nil>)");
            }

            return;
        }

        if (verb == 'T')
        {
            Pad(sb, GoTypes.TypeName(arg), spec);
            return;
        }

        FormatValue(sb, arg, verb, spec, depth: 0);
    }

    private static void FormatValue(StringBuilder sb, object? value, int verb, Spec spec, int depth)
    {
        if (spec.SharpV)
        {
            FormatGoSyntax(sb, value, depth);
            return;
        }

        switch (value)
        {
            case null:
                // A nil inside a map or slice prints as <nil> whatever the verb, without padding.
                sb.Append("<nil>");
                return;
            case bool b:
                if (verb is 't' or 'v')
                {
                    Pad(sb, b ? "true" : "false", spec);
                }
                else
                {
                    BadVerb(sb, value, verb, spec);
                }

                return;
            case string s:
                FormatString(sb, s, value, verb, spec);
                return;
            case double d:
                FormatFloat(sb, d, value, verb, spec);
                return;
            case long or int or GoInt64:
                GoTypes.IsInteger(value, out var l);
                FormatInteger(sb, l, value, verb, spec);
                return;
            case GoUnsigned u when u.Value <= long.MaxValue:
                FormatInteger(sb, (long)u.Value, value, verb, spec);
                return;
            case byte[] bytes:
                if (verb is 's' or 'q' or 'x' or 'X')
                {
                    FormatString(sb, Encoding.UTF8.GetString(bytes), value, verb, spec);
                    return;
                }

                sb.Append('[');
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    FormatInteger(sb, bytes[i], (long)bytes[i], verb, spec);
                }

                sb.Append(']');
                return;
            case Dictionary<string, object?> map:
                sb.Append("map[");
                var first = true;
                foreach (var key in SortedKeys(map))
                {
                    if (!first)
                    {
                        sb.Append(' ');
                    }

                    first = false;
                    FormatString(sb, key, key, verb, spec);
                    sb.Append(':');
                    FormatValue(sb, map[key], verb, spec, depth + 1);
                }

                sb.Append(']');
                return;
            case List<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    FormatValue(sb, list[i], verb, spec, depth + 1);
                }

                sb.Append(']');
                return;
            case GoComplex c when verb is 'v' or 'g':
                Pad(sb, c.ToString(), spec);
                return;
            case GoComplex when verb is not ('b' or 'G' or 'x' or 'X' or 'f' or 'F' or 'e' or 'E'):
                // fmt's complex verbs; any other (%d, %s) is a bad verb.
                BadVerb(sb, value, verb, spec);
                return;
            case GoObject o:
                if (o.StringerValue is { } stringer && verb is 'v' or 's' or 'q')
                {
                    FormatString(sb, stringer, value, verb, spec);
                    return;
                }

                sb.Append(o.FormatValue());
                return;
            default:
                sb.Append(value);
                return;
        }
    }

    /// <summary>%#v: Go-syntax values (quoted strings, typed composite literals).</summary>
    private static void FormatGoSyntax(StringBuilder sb, object? value, int depth)
    {
        switch (value)
        {
            case null:
                sb.Append(depth == 0 ? "<nil>" : "interface {}(nil)");
                return;
            case string s:
                sb.Append(GoStrconv.Quote(s));
                return;
            case Dictionary<string, object?> map:
                sb.Append("map[string]interface {}{");
                var first = true;
                foreach (var key in SortedKeys(map))
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    sb.Append(GoStrconv.Quote(key)).Append(':');
                    FormatGoSyntax(sb, map[key], depth + 1);
                }

                sb.Append('}');
                return;
            case List<object?> list:
                sb.Append(GoTypes.TypeName(list)).Append('{');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    FormatGoSyntax(sb, list[i], depth + 1);
                }

                sb.Append('}');
                return;
            default:
                FormatValue(sb, value, 'v', Spec.Plain, depth);
                return;
        }
    }

    public static IEnumerable<string> SortedKeys(Dictionary<string, object?> map)
    {
        var keys = new string[map.Count];
        map.Keys.CopyTo(keys, 0);
        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    /// <summary>Go's badVerb: %!VERB(TYPE=VALUE), the value printed with %v under the same width and precision.</summary>
    private static void BadVerb(StringBuilder sb, object value, int verb, Spec spec)
    {
        sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append('(').Append(GoTypes.TypeName(value)).Append('=');
        FormatValue(sb, value, 'v', spec, 0);
        sb.Append(')');
    }

    private static void FormatString(StringBuilder sb, string s, object original, int verb, Spec spec)
    {
        switch (verb)
        {
            case 'v' or 's':
                Pad(sb, spec.Precision >= 0 ? TruncateRunes(s, spec.Precision) : s, spec);
                return;
            case 'q':
                var text = spec.Precision >= 0 ? TruncateRunes(s, spec.Precision) : s;
                Pad(sb, spec.Sharp && CanBackquote(text) ? "`" + text + "`" : GoStrconv.Quote(text, '"', spec.Plus), spec);
                return;
            case 'x' or 'X':
                Pad(sb, Hex(Encoding.UTF8.GetBytes(s), verb == 'X', spec), spec);
                return;
            default:
                BadVerb(sb, original, verb, spec);
                return;
        }
    }

    private static string Hex(byte[] bytes, bool upper, Spec spec)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (spec.Space && i > 0)
            {
                sb.Append(' ');
            }

            if (spec.Sharp && (spec.Space || i == 0))
            {
                sb.Append(upper ? "0X" : "0x");
            }

            sb.Append(bytes[i].ToString(upper ? "X2" : "x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static bool CanBackquote(string s)
    {
        foreach (var c in s)
        {
            if (c == '`' || c == '\uFEFF' || (c < ' ' && c != '\t') || c == 0x7f)
            {
                return false;
            }
        }

        return true;
    }

    private static string TruncateRunes(string s, int runes)
    {
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (count == runes)
            {
                return s[..i];
            }

            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length)
            {
                i++;
            }

            count++;
        }

        return s;
    }

    private static void FormatInteger(StringBuilder sb, long v, object original, int verb, Spec spec)
    {
        string digits;
        var negative = v < 0;
        var magnitude = negative ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        string prefix = string.Empty;
        switch (verb)
        {
            case 'v' or 'd':
                digits = magnitude.ToString(CultureInfo.InvariantCulture);
                break;
            case 'b':
                digits = Convert.ToString((long)magnitude, 2);
                if (spec.Sharp)
                {
                    prefix = "0b";
                }

                break;
            case 'o' or 'O':
                digits = Convert.ToString((long)magnitude, 8);
                if (verb == 'O')
                {
                    prefix = "0o";
                }

                break;
            case 'x' or 'X':
                digits = magnitude.ToString(verb == 'x' ? "x" : "X", CultureInfo.InvariantCulture);
                if (spec.Sharp)
                {
                    prefix = verb == 'x' ? "0x" : "0X";
                }

                break;
            case 'c':
                Pad(sb, RuneString(v), spec);
                return;
            case 'q':
                var quoted = new StringBuilder("'");
                GoStrconv.AppendEscapedRune(quoted, IsValidRune(v) ? (int)v : 0xFFFD, '\'', spec.Plus);
                Pad(sb, quoted.Append('\'').ToString(), spec);
                return;
            case 'U':
                // Go formats %U of the value as an unsigned 64-bit number.
                var u = "U+" + ((ulong)v).ToString("X4", CultureInfo.InvariantCulture);
                if (spec.Sharp && IsValidRune(v) && GoStrconv.IsPrint((int)v))
                {
                    u += " '" + char.ConvertFromUtf32((int)v) + "'";
                }

                Pad(sb, u, spec);
                return;
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 's' or 't':
            default:
                BadVerb(sb, original, verb, spec);
                return;
        }

        // fmt's fmtInteger: %.3d and %03d both ask for leading zeros; with a precision the 0 flag is ignored,
        // and the result is then padded with spaces only.
        var precision = -1;
        if (spec.Precision >= 0)
        {
            precision = spec.Precision;
            if (precision == 0 && magnitude == 0)
            {
                Pad(sb, string.Empty, spec with { Zero = false });
                return;
            }
        }
        else if (spec.Zero && spec.Width > 0)
        {
            precision = spec.Width - (negative || spec.Plus || spec.Space ? 1 : 0);
        }

        if (precision > digits.Length)
        {
            digits = digits.PadLeft(precision, '0');
        }

        if (verb == 'o' && spec.Sharp && digits[0] != '0')
        {
            digits = "0" + digits;
        }

        var sign = negative ? "-" : spec.Plus ? "+" : spec.Space ? " " : string.Empty;
        Pad(sb, sign + prefix + digits, spec with { Zero = false });
    }

    private static bool IsValidRune(long v) => v is >= 0 and <= 0x10FFFF and (< 0xD800 or > 0xDFFF);

    private static string RuneString(long v) => IsValidRune(v) ? char.ConvertFromUtf32((int)v) : "\uFFFD";

    /// <summary>fmt's fmtFloat: sign handling, # (keep zeros and point), zero padding after the sign.</summary>
    private static void FormatFloat(StringBuilder sb, double d, object original, int verb, Spec spec)
    {
        char format;
        int prec;
        switch (verb)
        {
            case 'v':
                (format, prec) = ('g', -1);
                break;
            case 'b' or 'g' or 'G' or 'x' or 'X':
                (format, prec) = ((char)verb, -1);
                break;
            case 'f' or 'e' or 'E':
                (format, prec) = ((char)verb, 6);
                break;
            case 'F':
                (format, prec) = ('f', 6);
                break;
            default:
                BadVerb(sb, original, verb, spec);
                return;
        }

        if (spec.Precision >= 0)
        {
            prec = spec.Precision;
        }

        var text = GoStrconv.FormatFloat(d, format, prec);
        var num = new StringBuilder(text.StartsWith('-') || text.StartsWith('+') ? text : "+" + text);
        if (spec.Space && num[0] == '+' && !spec.Plus)
        {
            num[0] = ' ';
        }

        if (num[1] is 'I' or 'N')
        {
            if (num[1] == 'N' && !spec.Space && !spec.Plus)
            {
                num.Remove(0, 1);
            }

            Pad(sb, num.ToString(), spec with { Zero = false });
            return;
        }

        if (spec.Sharp && format != 'b')
        {
            var digits = format is 'g' or 'G' or 'x' ? (prec == -1 ? 6 : prec) : 0;
            var tail = string.Empty;
            var hasDecimalPoint = false;
            var sawNonzeroDigit = false;
            for (var i = 1; i < num.Length; i++)
            {
                var c = num[i];
                if (c == '.')
                {
                    hasDecimalPoint = true;
                }
                else if (c is 'p' or 'P' || (c is 'e' or 'E' && format is not ('x' or 'X')))
                {
                    tail = num.ToString(i, num.Length - i);
                    num.Length = i;
                    break;
                }
                else
                {
                    if (c != '0')
                    {
                        sawNonzeroDigit = true;
                    }

                    if (sawNonzeroDigit)
                    {
                        digits--;
                    }
                }
            }

            if (!hasDecimalPoint)
            {
                if (num.Length == 2 && num[1] == '0')
                {
                    digits--;
                }

                num.Append('.');
            }

            for (; digits > 0; digits--)
            {
                num.Append('0');
            }

            num.Append(tail);
        }

        if (spec.Plus || num[0] != '+')
        {
            if (spec.Zero && spec.Width > num.Length && !spec.Minus)
            {
                sb.Append(num[0]).Append('0', spec.Width - num.Length).Append(num, 1, num.Length - 1);
                return;
            }

            Pad(sb, num.ToString(), spec);
            return;
        }

        Pad(sb, num.ToString(1, num.Length - 1), spec);
    }

    private static void Pad(StringBuilder sb, string s, Spec spec)
    {
        if (spec.Width < 0)
        {
            sb.Append(s);
            return;
        }

        var runes = CountRunes(s);
        var padding = spec.Width - runes;
        if (padding <= 0)
        {
            sb.Append(s);
            return;
        }

        if (spec.Minus)
        {
            sb.Append(s).Append(' ', padding);
        }
        else
        {
            sb.Append(spec.Zero ? '0' : ' ', padding).Append(s);
        }
    }

    private static int CountRunes(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length)
            {
                i++;
            }

            n++;
        }

        return n;
    }
}
