using System.Globalization;
using System.Text;

namespace WellTrack.Templating.Time;

/// <summary>Go's reference-time layouts (Mon Jan 2 15:04:05 MST 2006) for Time.Format and time.Parse.</summary>
public static class GoTimeFormat
{
    private static readonly string[] Tokens =
    [
        "January", "Monday", "2006", "-07:00:00", "-0700", "-07:00", "Z07:00:00", "Z0700", "Z07:00", "-07", "Z07",
        "Jan", "Mon", "MST", "002", "__2", "_2", "01", "02", "03", "04", "05", "06", "15", "PM", "pm",
        "1", "2", "3", "4", "5",
    ];

    public static string Format(GoTime t, string layout)
    {
        var d = t.Instant;
        var sb = new StringBuilder();
        var i = 0;
        while (i < layout.Length)
        {
            if ((layout[i] == '.' || layout[i] == ',') && i + 1 < layout.Length && (layout[i + 1] == '0' || layout[i + 1] == '9'))
            {
                var j = i + 1;
                var digit = layout[j];
                while (j < layout.Length && layout[j] == digit)
                {
                    j++;
                }

                if (j >= layout.Length || !char.IsAsciiDigit(layout[j]))
                {
                    AppendFraction(sb, d, layout[i], j - i - 1, trimZeros: digit == '9');
                    i = j;
                    continue;
                }
            }

            var token = Tokens.FirstOrDefault(tk => string.CompareOrdinal(layout, i, tk, 0, tk.Length) == 0);
            if (token is null)
            {
                sb.Append(layout[i++]);
                continue;
            }

            i += token.Length;
            var offset = d.Offset;
            switch (token)
            {
                case "January": sb.Append(CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month)); break;
                case "Jan": sb.Append(CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(d.Month)); break;
                case "Monday": sb.Append(d.DayOfWeek.ToString()); break;
                case "Mon": sb.Append(d.DayOfWeek.ToString()[..3]); break;
                case "2006": sb.Append(d.Year.ToString("D4", CultureInfo.InvariantCulture)); break;
                case "06": sb.Append((d.Year % 100).ToString("D2", CultureInfo.InvariantCulture)); break;
                case "01": sb.Append(d.Month.ToString("D2", CultureInfo.InvariantCulture)); break;
                case "1": sb.Append(d.Month.ToString(CultureInfo.InvariantCulture)); break;
                case "02": sb.Append(d.Day.ToString("D2", CultureInfo.InvariantCulture)); break;
                case "2": sb.Append(d.Day.ToString(CultureInfo.InvariantCulture)); break;
                case "_2": sb.Append(d.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)); break;
                case "002": sb.Append(d.DayOfYear.ToString("D3", CultureInfo.InvariantCulture)); break;
                case "__2": sb.Append(d.DayOfYear.ToString(CultureInfo.InvariantCulture).PadLeft(3)); break;
                case "15": sb.Append(d.Hour.ToString("D2", CultureInfo.InvariantCulture)); break;
                case "03": sb.Append(Hour12(d).ToString("D2", CultureInfo.InvariantCulture)); break;
                case "3": sb.Append(Hour12(d).ToString(CultureInfo.InvariantCulture)); break;
                case "04": sb.Append(d.Minute.ToString("D2", CultureInfo.InvariantCulture)); break;
                case "4": sb.Append(d.Minute.ToString(CultureInfo.InvariantCulture)); break;
                case "05": sb.Append(d.Second.ToString("D2", CultureInfo.InvariantCulture)); break;
                case "5": sb.Append(d.Second.ToString(CultureInfo.InvariantCulture)); break;
                case "PM": sb.Append(d.Hour >= 12 ? "PM" : "AM"); break;
                case "pm": sb.Append(d.Hour >= 12 ? "pm" : "am"); break;
                case "MST": sb.Append(t.ZoneName); break;
                default:
                    AppendZone(sb, token, offset);
                    break;
            }
        }

        return sb.ToString();
    }

    private static int Hour12(DateTimeOffset d) => d.Hour % 12 == 0 ? 12 : d.Hour % 12;

    private static void AppendFraction(StringBuilder sb, DateTimeOffset d, char separator, int digits, bool trimZeros)
    {
        var nanos = (d.Ticks % TimeSpan.TicksPerSecond) * 100;
        var text = nanos.ToString("D9", CultureInfo.InvariantCulture)[..Math.Min(digits, 9)];
        if (trimZeros)
        {
            text = text.TrimEnd('0');
            if (text.Length == 0)
            {
                return;
            }
        }

        sb.Append(separator).Append(text);
    }

    private static void AppendZone(StringBuilder sb, string token, TimeSpan offset)
    {
        if (token.StartsWith('Z') && offset == TimeSpan.Zero)
        {
            sb.Append('Z');
            return;
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        sb.Append(sign).Append(abs.Hours.ToString("D2", CultureInfo.InvariantCulture));
        var body = token.TrimStart('Z', '-');
        switch (body)
        {
            case "07":
                break;
            case "0700":
                sb.Append(abs.Minutes.ToString("D2", CultureInfo.InvariantCulture));
                break;
            case "07:00":
                sb.Append(':').Append(abs.Minutes.ToString("D2", CultureInfo.InvariantCulture));
                break;
            case "07:00:00":
                sb.Append(':').Append(abs.Minutes.ToString("D2", CultureInfo.InvariantCulture)).Append(':').Append(abs.Seconds.ToString("D2", CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>time.ParseInLocation for the common layouts; UTC is the location. Returns false when the text does not fit.</summary>
    public static bool TryParse(string layout, string value, out GoTime time) => TryParse(layout, value, out time, out _);

    /// <summary>As <see cref="TryParse(string, string, out GoTime)"/>, with Go's description of the mismatch.</summary>
    public static bool TryParse(string layout, string value, out GoTime time, out string? problem)
    {
        problem = null;
        time = new GoTime(DateTimeOffset.MinValue);
        int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
        long nanos = 0;
        var offset = TimeSpan.Zero;
        var pm = (bool?)null;
        var i = 0;
        var v = 0;
        while (i < layout.Length)
        {
            if (layout[i] == '.' && i + 1 < layout.Length && (layout[i + 1] == '0' || layout[i + 1] == '9'))
            {
                var j = i + 1;
                while (j < layout.Length && layout[j] == layout[i + 1])
                {
                    j++;
                }

                if (v < value.Length && value[v] == '.')
                {
                    var start = ++v;
                    while (v < value.Length && char.IsAsciiDigit(value[v]))
                    {
                        v++;
                    }

                    var frac = value[start..v].PadRight(9, '0')[..9];
                    nanos = long.Parse(frac, CultureInfo.InvariantCulture);
                }

                i = j;
                continue;
            }

            var token = Tokens.FirstOrDefault(tk => string.CompareOrdinal(layout, i, tk, 0, tk.Length) == 0);
            if (token is null)
            {
                if (v >= value.Length || value[v] != layout[i])
                {
                    problem = $"cannot parse {Values.GoStrconv.Quote(value[Math.Min(v, value.Length)..])} as {Values.GoStrconv.Quote(layout[i..(i + 1)])}";
                    return false;
                }

                i++;
                v++;
                continue;
            }

            i += token.Length;
            var tokenStart = v;
            bool ok;
            switch (token)
            {
                case "2006": ok = Number(value, ref v, 4, 4, out year); break;
                case "06": ok = Number(value, ref v, 2, 2, out year); year += year >= 69 ? 1900 : 2000; break;
                case "01": ok = Number(value, ref v, 2, 2, out month); break;
                case "1": ok = Number(value, ref v, 1, 2, out month); break;
                case "02": ok = Number(value, ref v, 2, 2, out day); break;
                case "2" or "_2":
                    if (token == "_2" && v < value.Length && value[v] == ' ')
                    {
                        v++;
                    }

                    ok = Number(value, ref v, 1, 2, out day);
                    break;
                case "15": ok = Number(value, ref v, 1, 2, out hour); break;
                case "03" or "3": ok = Number(value, ref v, token.Length, 2, out hour); break;
                case "04" or "4": ok = Number(value, ref v, token.Length, 2, out minute); break;
                case "05" or "5": ok = Number(value, ref v, token.Length, 2, out second); break;
                case "PM" or "pm":
                    ok = v + 2 <= value.Length;
                    if (ok)
                    {
                        var ampm = value.Substring(v, 2).ToUpperInvariant();
                        ok = ampm is "AM" or "PM";
                        pm = ampm == "PM";
                        v += 2;
                    }

                    break;
                case "Jan" or "January":
                {
                    var names = token == "Jan" ? CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames : CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
                    var index = Array.FindIndex(names, n => n.Length > 0 && string.Compare(value, v, n, 0, n.Length, StringComparison.OrdinalIgnoreCase) == 0);
                    ok = index >= 0;
                    if (ok)
                    {
                        month = index + 1;
                        v += names[index].Length;
                    }

                    break;
                }

                case "Mon" or "Monday":
                {
                    var names = token == "Mon" ? CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames : CultureInfo.InvariantCulture.DateTimeFormat.DayNames;
                    var index = Array.FindIndex(names, n => string.Compare(value, v, n, 0, n.Length, StringComparison.OrdinalIgnoreCase) == 0);
                    ok = index >= 0;
                    if (ok)
                    {
                        v += names[index].Length;
                    }

                    break;
                }

                case "MST":
                    ok = v + 3 <= value.Length;
                    v += 3;
                    break;
                default:
                    ok = ParseZone(value, ref v, token, out offset);
                    break;
            }

            if (!ok)
            {
                problem = $"cannot parse {Values.GoStrconv.Quote(value[Math.Min(tokenStart, value.Length)..])} as {Values.GoStrconv.Quote(token)}";
                return false;
            }
        }

        if (v != value.Length)
        {
            problem = $"extra text: {Values.GoStrconv.Quote(value[v..])}";
            return false;
        }

        if (pm == true && hour < 12)
        {
            hour += 12;
        }
        else if (pm == false && hour == 12)
        {
            hour = 0;
        }

        try
        {
            var dt = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(nanos / 100);
            time = new GoTime(dt, offset == TimeSpan.Zero ? "UTC" : string.Empty);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool Number(string s, ref int v, int min, int max, out int value)
    {
        value = 0;
        var start = v;
        while (v < s.Length && v - start < max && char.IsAsciiDigit(s[v]))
        {
            value = (value * 10) + (s[v] - '0');
            v++;
        }

        return v - start >= min;
    }

    private static bool ParseZone(string s, ref int v, string token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (token.StartsWith('Z') && v < s.Length && s[v] == 'Z')
        {
            v++;
            return true;
        }

        if (v >= s.Length || (s[v] != '+' && s[v] != '-'))
        {
            return false;
        }

        var sign = s[v++] == '-' ? -1 : 1;
        if (!Number(s, ref v, 2, 2, out var hours))
        {
            return false;
        }

        var minutes = 0;
        if (token.Contains("00", StringComparison.Ordinal))
        {
            if (token.Contains(':') && v < s.Length && s[v] == ':')
            {
                v++;
            }

            if (!Number(s, ref v, 2, 2, out minutes))
            {
                return false;
            }
        }

        offset = TimeSpan.FromMinutes(sign * ((hours * 60) + minutes));
        return true;
    }
}
