using System.Globalization;
using System.Text;

namespace WellTrack.Templating.Values;

/// <summary>
/// Go's fmt package over the template value model: Sprint, Sprintln, Sprintf with the verbs, flags, widths and
/// precisions templates use, including Go's error forms (<c>%!d(string=x)</c>, <c>%!s(MISSING)</c>,
/// <c>%!(EXTRA ...)</c>). Maps print with sorted keys as fmt's internal/fmtsort does.
/// </summary>
public static partial class GoFormatter
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

    /// <summary>fmt.Sprintf, following doPrintf: flags, [n] argument indexes, * widths and precisions.</summary>
    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder(format.Length + 16);
        var argNum = 0;
        var reordered = false;
        var i = 0;
        var end = format.Length;
        while (i < end)
        {
            var goodArgNum = true;
            var lasti = i;
            while (i < end && format[i] != '%')
            {
                i++;
            }

            if (i > lasti)
            {
                sb.Append(format, lasti, i - lasti);
            }

            if (i >= end)
            {
                break;
            }

            i++;
            var spec = Spec.Plain;
            for (; i < end; i++)
            {
                var c = format[i];
                if (c == '#')
                {
                    spec.Sharp = true;
                }
                else if (c == '0')
                {
                    spec.Zero = !spec.Minus;
                }
                else if (c == '+')
                {
                    spec.Plus = true;
                }
                else if (c == '-')
                {
                    spec.Minus = true;
                    spec.Zero = false;
                }
                else if (c == ' ')
                {
                    spec.Space = true;
                }
                else
                {
                    break;
                }
            }

            (argNum, i, var afterIndex) = ArgNumber(argNum, format, i, args.Count, ref reordered, ref goodArgNum);
            if (i < end && format[i] == '*')
            {
                i++;
                (spec.Width, var ok, argNum) = IntFromArg(args, argNum);
                if (!ok)
                {
                    sb.Append("%!(BADWIDTH)");
                    spec.Width = -1;
                }
                else if (spec.Width < 0)
                {
                    spec.Width = -spec.Width;
                    spec.Minus = true;
                    spec.Zero = false;
                }

                afterIndex = false;
            }
            else
            {
                spec.Width = ParseNumber(format, ref i);
                if (afterIndex && spec.Width >= 0)
                {
                    goodArgNum = false;
                }
            }

            if (i + 1 < end && format[i] == '.')
            {
                i++;
                if (afterIndex)
                {
                    goodArgNum = false;
                }

                (argNum, i, afterIndex) = ArgNumber(argNum, format, i, args.Count, ref reordered, ref goodArgNum);
                if (i < end && format[i] == '*')
                {
                    i++;
                    (spec.Precision, var ok, argNum) = IntFromArg(args, argNum);
                    if (spec.Precision < 0)
                    {
                        spec.Precision = -1;
                        ok = false;
                    }

                    if (!ok)
                    {
                        sb.Append("%!(BADPREC)");
                    }

                    afterIndex = false;
                }
                else
                {
                    spec.Precision = ParseNumber(format, ref i);
                    if (spec.Precision < 0)
                    {
                        spec.Precision = 0;
                    }
                }
            }

            if (!afterIndex)
            {
                (argNum, i, afterIndex) = ArgNumber(argNum, format, i, args.Count, ref reordered, ref goodArgNum);
            }

            if (i >= end)
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

            if (!goodArgNum)
            {
                sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(BADINDEX)");
                continue;
            }

            if (argNum >= args.Count)
            {
                sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(MISSING)");
                continue;
            }

            if (verb == 'v')
            {
                // For %v, # means Go syntax (%#v) and + means field names (%+v): neither is a number flag.
                spec.SharpV = spec.Sharp;
                spec.Sharp = false;
                spec.Plus = false;
            }

            FormatArg(sb, args[argNum++], verb, spec);
        }

        if (!reordered && argNum < args.Count)
        {
            sb.Append("%!(EXTRA ");
            for (var j = argNum; j < args.Count; j++)
            {
                if (j > argNum)
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

    /// <summary>fmt's argNumber: an optional [n] (1-based) selects the next argument.</summary>
    private static (int ArgNum, int Index, bool Found) ArgNumber(int argNum, string format, int i, int numArgs, ref bool reordered, ref bool goodArgNum)
    {
        if (i >= format.Length || format[i] != '[')
        {
            return (argNum, i, false);
        }

        reordered = true;
        var close = format.IndexOf(']', i);
        if (close < 0 || format.Length - i < 3)
        {
            goodArgNum = false;
            return (argNum, i + 1, false);
        }

        var j = i + 1;
        var n = ParseNumber(format, ref j);
        if (n < 0 || j != close)
        {
            goodArgNum = false;
            return (argNum, close + 1, false);
        }

        var index = n - 1;
        if (index >= 0 && index < numArgs)
        {
            return (index, close + 1, true);
        }

        goodArgNum = false;
        return (argNum, close + 1, true);
    }

    private static (int Value, bool Ok, int NewArgNum) IntFromArg(IReadOnlyList<object?> args, int argNum)
    {
        if (argNum >= args.Count)
        {
            return (0, false, argNum);
        }

        var ok = GoTypes.IsInteger(args[argNum], out var v) && v is > -1_000_000 and < 1_000_000;
        return (ok ? (int)v : 0, ok, argNum + 1);
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

        /// <summary>%#v: print as Go syntax.</summary>
        public bool SharpV;
    }
}
