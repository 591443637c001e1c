using System.Globalization;
using System.Text;

namespace WellTrack.Templating.Time;

/// <summary>Go's time.Duration: String() (e.g. 1h2m3.5s) and ParseDuration ("1h30m", "-1.5h", "300ms").</summary>
public static class GoDuration
{
    public const long Nanosecond = 1;
    public const long Microsecond = 1000;
    public const long Millisecond = 1000 * Microsecond;
    public const long Second = 1000 * Millisecond;
    public const long Minute = 60 * Second;
    public const long Hour = 60 * Minute;

    public static string Format(long d)
    {
        if (d == 0)
        {
            return "0s";
        }

        var negative = d < 0;
        var u = negative ? (ulong)(-(d + 1)) + 1 : (ulong)d;
        var sb = new StringBuilder();
        if (u < (ulong)Second)
        {
            string unit;
            ulong scale;
            if (u < (ulong)Microsecond)
            {
                return (negative ? "-" : string.Empty) + u.ToString(CultureInfo.InvariantCulture) + "ns";
            }

            if (u < (ulong)Millisecond)
            {
                unit = "µs";
                scale = (ulong)Microsecond;
            }
            else
            {
                unit = "ms";
                scale = (ulong)Millisecond;
            }

            sb.Append(Fraction(u, scale)).Append(unit);
        }
        else
        {
            var hours = u / (ulong)Hour;
            u -= hours * (ulong)Hour;
            var minutes = u / (ulong)Minute;
            u -= minutes * (ulong)Minute;
            if (hours > 0)
            {
                sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            sb.Append(Fraction(u, (ulong)Second)).Append('s');
        }

        return (negative ? "-" : string.Empty) + sb;
    }

    private static string Fraction(ulong v, ulong scale)
    {
        var whole = v / scale;
        var frac = v % scale;
        if (frac == 0)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        var digits = scale.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole.ToString(CultureInfo.InvariantCulture) + "." + frac.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0');
    }

    public static bool TryParse(string s, out long duration)
    {
        duration = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return false;
        }

        decimal total = 0;
        while (s.Length > 0)
        {
            var i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == 0 || !decimal.TryParse(s[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            s = s[i..];
            var j = 0;
            while (j < s.Length && !(char.IsAsciiDigit(s[j]) || s[j] == '.'))
            {
                j++;
            }

            var unit = s[..j];
            s = s[j..];
            long scale = unit switch
            {
                "ns" => Nanosecond,
                "us" or "µs" or "μs" => Microsecond,
                "ms" => Millisecond,
                "s" => Second,
                "m" => Minute,
                "h" => Hour,
                _ => 0,
            };
            if (scale == 0)
            {
                return false;
            }

            total += number * scale;
        }

        duration = (long)(negative ? -total : total);
        return true;
    }
}
