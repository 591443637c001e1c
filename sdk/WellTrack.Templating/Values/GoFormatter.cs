using System.Globalization;
using System.Text;

namespace WellTrack.Templating.Values;

/// <summary>
/// Go's fmt package over the template value model: Sprint, Sprintln, Sprintf with the verbs, flags, widths and
/// precisions templates use, including Go's error forms (<c>%!d(string=x)</c>, <c>%!s(MISSING)</c>,
/// <c>%!(EXTRA ...)</c>). Maps print with sorted keys as fmt's internal/fmtsort does.
/// </summary>
public static class GoFormatter
{
    /// <summary>fmt.Sprint: operands separated by a space when neither side is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0 && args[i] is not string && args[i - 1] is not string)
            {
                sb.Append(' ');
            }

            FormatArg(sb, args[i], 'v', Spec.Plain);
        }

        return sb.ToString();
    }

    /// <summary>fmt.Sprintln: operands always separated by spaces, newline appended.</summary>
    public static string Sprintln(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            FormatArg(sb, args[i], 'v', Spec.Plain);
        }

        return sb.Append('\n').ToString();
    }

    /// <summary>%v of one value, as text/template prints an action's result.</summary>
    public static string FormatValue(object? value)
    {
        if (value is string s)
        {
            return s;
        }

        var sb = new StringBuilder();
        FormatArg(sb, value, 'v', Spec.Plain);
        return sb.ToString();
    }

    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder(format.Length + 16);
        var argIndex = 0;
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c != '%')
            {
                sb.Append(c);
                i++;
                continue;
            }

            i++;
            var spec = Spec.Plain;
            // Flags.
            for (; i < format.Length; i++)
            {
                switch (format[i])
                {
                    case '#': spec.Sharp = true; continue;
                    case '0': spec.Zero = !spec.Minus; continue;
                    case '+': spec.Plus = true; continue;
                    case '-': spec.Minus = true; spec.Zero = false; continue;
                    case ' ': spec.Space = true; continue;
                }

                break;
            }

            spec.Width = ParseNumber(format, ref i);
            if (i < format.Length && format[i] == '.')
            {
                i++;
                spec.Precision = ParseNumber(format, ref i);
                if (spec.Precision < 0)
                {
                    spec.Precision = 0;
                }
            }

            if (i >= format.Length)
            {
                sb.Append("%!(NOVERB)");
                break;
            }

            var verb = char.ConvertToUtf32(format, i);
            i += char.IsSurrogatePair(format, i) ? 2 : 1;
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }

            if (argIndex >= args.Count)
            {
                sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(MISSING)");
                continue;
            }

            FormatArg(sb, args[argIndex++], verb, spec);
        }

        if (argIndex < args.Count)
        {
            sb.Append("%!(EXTRA ");
            for (var j = argIndex; j < args.Count; j++)
            {
                if (j > argIndex)
                {
                    sb.Append(", ");
                }

                if (args[j] is null)
                {
                    sb.Append("<nil>");
                }
                else
                {
                    sb.Append(GoTypes.TypeName(args[j])).Append('=');
                    FormatArg(sb, args[j], 'v', Spec.Plain);
                }
            }

            sb.Append(')');
        }

        return sb.ToString();
    }

    private static int ParseNumber(string format, ref int i)
    {
        var start = i;
        var n = 0;
        while (i < format.Length && format[i] >= '0' && format[i] <= '9')
        {
            n = (n * 10) + (format[i] - '0');
            i++;
        }

        return i == start ? -1 : n;
    }

    internal struct Spec
    {
        public static readonly Spec Plain = new() { Width = -1, Precision = -1 };

        public int Width;
        public int Precision;
        public bool Minus;
        public bool Plus;
        public bool Sharp;
        public bool Space;
        public bool Zero;
    }

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
        switch (value)
        {
            case null:
                // A nil inside a map or slice prints as <nil> whatever the verb.
                Pad(sb, "<nil>", spec);
                return;
            case bool b:
                if (verb is 't' or 'v')
                {
                    Pad(sb, b ? "true" : "false", spec);
                }
                else
                {
                    BadVerb(sb, value, verb);
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

    public static IEnumerable<string> SortedKeys(Dictionary<string, object?> map)
    {
        var keys = new string[map.Count];
        map.Keys.CopyTo(keys, 0);
        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    private static void BadVerb(StringBuilder sb, object value, int verb)
    {
        sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append('(').Append(GoTypes.TypeName(value)).Append('=');
        FormatValue(sb, value, 'v', Spec.Plain, 0);
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
                BadVerb(sb, original, verb);
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
                else if (spec.Sharp && digits != "0")
                {
                    digits = "0" + digits;
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
                var u = "U+" + magnitude.ToString("X4", CultureInfo.InvariantCulture);
                if (spec.Sharp && IsValidRune(v) && GoStrconv.IsPrint((int)v))
                {
                    u += " '" + char.ConvertFromUtf32((int)v) + "'";
                }

                Pad(sb, u, spec);
                return;
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 's' or 't':
            default:
                BadVerb(sb, original, verb);
                return;
        }

        if (spec.Precision >= 0)
        {
            if (spec.Precision == 0 && magnitude == 0)
            {
                digits = string.Empty;
            }

            digits = digits.PadLeft(spec.Precision, '0');
        }

        var sign = negative ? "-" : spec.Plus ? "+" : spec.Space ? " " : string.Empty;
        if (spec.Zero && spec.Width > 0 && !spec.Minus && spec.Precision < 0)
        {
            var body = prefix + digits;
            var padLength = spec.Width - sign.Length - body.Length;
            sb.Append(sign);
            if (padLength > 0)
            {
                sb.Append('0', padLength);
            }

            sb.Append(body);
            return;
        }

        Pad(sb, sign + prefix + digits, spec);
    }

    private static bool IsValidRune(long v) => v is >= 0 and <= 0x10FFFF and (< 0xD800 or > 0xDFFF);

    private static string RuneString(long v) => IsValidRune(v) ? char.ConvertFromUtf32((int)v) : "\uFFFD";

    private static void FormatFloat(StringBuilder sb, double d, object original, int verb, Spec spec)
    {
        string text;
        switch (verb)
        {
            case 'v':
                text = GoStrconv.FormatFloat(d, 'g', spec.Precision);
                break;
            case 'g' or 'G':
                text = GoStrconv.FormatFloat(d, (char)verb, spec.Precision);
                break;
            case 'e' or 'E' or 'f':
                text = GoStrconv.FormatFloat(d, (char)verb, spec.Precision < 0 ? 6 : spec.Precision);
                break;
            case 'F':
                text = GoStrconv.FormatFloat(d, 'f', spec.Precision < 0 ? 6 : spec.Precision);
                break;
            default:
                BadVerb(sb, original, verb);
                return;
        }

        if (spec.Sharp && verb is not 'v' && !text.Contains('.') && !double.IsInfinity(d) && !double.IsNaN(d))
        {
            var e = text.IndexOfAny(['e', 'E']);
            text = e < 0 ? text + "." : text[..e] + "." + text[e..];
        }

        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        if (double.IsInfinity(d))
        {
            body = "Inf";
            negative = d < 0;
        }

        var sign = negative ? "-" : spec.Plus ? "+" : spec.Space ? " " : string.Empty;
        if (spec.Zero && spec.Width > 0 && !spec.Minus && !double.IsInfinity(d) && !double.IsNaN(d))
        {
            var padLength = spec.Width - sign.Length - body.Length;
            sb.Append(sign);
            if (padLength > 0)
            {
                sb.Append('0', padLength);
            }

            sb.Append(body);
            return;
        }

        Pad(sb, sign + body, spec);
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
