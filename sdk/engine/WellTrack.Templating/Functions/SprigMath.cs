using System.Globalization;
using System.Text;
using WellTrack.Templating.Values;
using static WellTrack.Templating.Functions.SprigConvert;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's numeric functions: int64 arithmetic through spf13/cast, float arithmetic through decimals.</summary>
internal static class SprigMath
{
    public static void Register(FunctionTableBuilder f)
    {
        f.Add("atoi", P.Str, a => long.TryParse((string)a[0]!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0L);
        f.Add("int64", P.Any, a => new GoInt64(ToInt64(a[0])));
        f.Add("int", P.Any, a => ToInt64(a[0]));
        f.Add("float64", P.Any, a => ToFloat64(a[0]));
        f.Add("toDecimal", P.Any, a => new GoInt64(ToDecimal(a[0])));
        f.AddVariadic("seq", [GoParam.Int], a => Seq(a.Select(x => (long)x!).ToArray()));
        f.Add("add1", P.Any, a => new GoInt64(ToInt64(a[0]) + 1));
        f.AddVariadic("add", P.Any, a => new GoInt64(a.Sum(ToInt64)));
        f.Add("sub", P.Any2, a => new GoInt64(ToInt64(a[0]) - ToInt64(a[1])));
        f.Add("div", P.Any2, a => new GoInt64(Divide(ToInt64(a[0]), ToInt64(a[1]), modulo: false)));
        f.Add("mod", P.Any2, a => new GoInt64(Divide(ToInt64(a[0]), ToInt64(a[1]), modulo: true)));
        f.AddVariadic("mul", P.Any2, a => new GoInt64(a.Aggregate(1L, (acc, x) => acc * ToInt64(x))));
        f.Add("randInt", [GoParam.Int, GoParam.Int], (ctx, a) => (long)a[0]! + ctx.Execution.Environment.Random.NextInt64((long)a[1]! - (long)a[0]!));
        f.Add("add1f", P.Any, a => (double)(ToDecimalValue(a[0]) + 1));
        f.AddVariadic("addf", P.Any, a => (double)a.Aggregate(0m, (acc, x) => acc + ToDecimalValue(x)));
        f.AddVariadic("subf", P.Any2, a => (double)a.Skip(1).Aggregate(ToDecimalValue(a[0]), (acc, x) => acc - ToDecimalValue(x)));
        f.AddVariadic("divf", P.Any2, a => (double)a.Skip(1).Aggregate(ToDecimalValue(a[0]), (acc, x) => acc / NonZero(ToDecimalValue(x))));
        f.AddVariadic("mulf", P.Any2, a => (double)a.Skip(1).Aggregate(ToDecimalValue(a[0]), (acc, x) => acc * ToDecimalValue(x)));
        f.AddVariadic("biggest", P.Any2, a => new GoInt64(a.Max(ToInt64)));
        f.AddVariadic("max", P.Any2, a => new GoInt64(a.Max(ToInt64)));
        f.AddVariadic("min", P.Any2, a => new GoInt64(a.Min(ToInt64)));
        f.AddVariadic("maxf", P.Any2, a => a.Skip(1).Aggregate(ToFloat64(a[0]), (acc, x) => Math.Max(acc, ToFloat64(x))));
        f.AddVariadic("minf", P.Any2, a => a.Skip(1).Aggregate(ToFloat64(a[0]), (acc, x) => Math.Min(acc, ToFloat64(x))));
        f.Add("ceil", P.Any, a => Math.Ceiling(ToFloat64(a[0])));
        f.Add("floor", P.Any, a => Math.Floor(ToFloat64(a[0])));
        f.AddVariadic("round", [GoParam.Any, GoParam.Int, GoParam.Float64], a => Round(ToFloat64(a[0]), (long)a[1]!, a.Length > 2 ? (double)a[2]! : 0.5));
    }

    private static long Divide(long a, long b, bool modulo)
    {
        if (b == 0)
        {
            throw new TemplateFunctionException("runtime error: integer divide by zero");
        }

        return modulo ? a % b : a / b;
    }

    private static decimal NonZero(decimal d) => d == 0 ? throw new TemplateFunctionException("decimal division by 0") : d;

    /// <summary>shopspring/decimal's NewFromFloat: the shortest decimal that round-trips the float64.</summary>
    private static decimal ToDecimalValue(object? v)
    {
        var f = ToFloat64(v);
        return decimal.TryParse(f.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (decimal)f;
    }

    private static long ToDecimal(object? v)
    {
        // strconv.ParseInt(fmt.Sprint(v), 8, 64): an optional sign, then octal digits.
        var text = GoFormatter.Sprint([v]);
        var negative = text.StartsWith('-');
        var digits = negative || text.StartsWith('+') ? text[1..] : text;
        if (digits.Length == 0 || digits[0] is '-' or '+')
        {
            return 0;
        }

        try
        {
            var magnitude = Convert.ToInt64(digits, 8);
            return negative ? -magnitude : magnitude < 0 ? 0 : magnitude;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return 0;
        }
    }

    private static double Round(double val, long places, double roundOn)
    {
        var pow = Math.Pow(10, places);
        var digit = pow * val;
        var div = digit - Math.Truncate(digit);
        var round = div >= roundOn ? Math.Ceiling(digit) : Math.Floor(digit);
        return round / pow;
    }

    /// <summary>Sprig's seq, modelled on the Unix seq command: "1 2 3", with optional start and step.</summary>
    private static string Seq(long[] p)
    {
        long start = 1, end, step = 1;
        switch (p.Length)
        {
            case 0:
                return string.Empty;
            case 1:
                end = p[0];
                if (end < start)
                {
                    step = -1;
                }

                break;
            case 2:
                start = p[0];
                end = p[1];
                if (end < start)
                {
                    step = -1;
                }

                break;
            case 3:
                start = p[0];
                step = p[1];
                end = p[2];
                if ((end < start && step > 0) || (end > start && step < 0))
                {
                    return string.Empty;
                }

                break;
            default:
                return string.Empty;
        }

        if (step == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        // Sprig builds the list with untilStep(start, end+sign(step), step).
        var stop = end + (step > 0 ? 1 : -1);
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(i.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
