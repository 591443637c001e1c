using System.Globalization;
using WellTrack.Templating.Time;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>
/// Sprig's date functions. "now" reads the render's clock (<see cref="Execution.RenderEnvironment"/>), so a fixed
/// clock makes output deterministic; Go's Local zone is UTC, and named zones resolve through the system's tz data.
/// </summary>
internal static class SprigDates
{
    public static void Register(FunctionTableBuilder f)
    {
        f.Add("now", P.None, (ctx, _) => new GoTime(ctx.Execution.Environment.Clock().ToUniversalTime()));
        f.Add("date", [GoParam.String, GoParam.Any], (ctx, a) => DateInZone(ctx, (string)a[0]!, a[1], "Local"));
        f.Add("dateInZone", [GoParam.String, GoParam.Any, GoParam.String], (ctx, a) => DateInZone(ctx, (string)a[0]!, a[1], (string)a[2]!));
        f.Add("htmlDate", P.Any, (ctx, a) => DateInZone(ctx, "2006-01-02", a[0], "Local"));
        f.Add("htmlDateInZone", [GoParam.Any, GoParam.String], (ctx, a) => DateInZone(ctx, "2006-01-02", a[0], (string)a[1]!));
        f.Add("dateModify", [GoParam.String, GoParam.Time], a => Modify((string)a[0]!, AsTime(a[1]), must: false));
        f.Add("mustDateModify", [GoParam.String, GoParam.Time], a => Modify((string)a[0]!, AsTime(a[1]), must: true));

        // Sprig's deprecated snake_case spellings, still in its function map.
        f.Add("date_in_zone", [GoParam.String, GoParam.Any, GoParam.String], (ctx, a) => DateInZone(ctx, (string)a[0]!, a[1], (string)a[2]!));
        f.Add("date_modify", [GoParam.String, GoParam.Time], a => Modify((string)a[0]!, AsTime(a[1]), must: false));
        f.Add("must_date_modify", [GoParam.String, GoParam.Time], a => Modify((string)a[0]!, AsTime(a[1]), must: true));
        f.Add("toDate", P.Str2, a => GoTimeFormat.TryParse((string)a[0]!, (string)a[1]!, out var t) ? t : new GoTime(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        f.Add("mustToDate", P.Str2, a => GoTimeFormat.TryParse((string)a[0]!, (string)a[1]!, out var t, out var problem)
            ? t
            : throw new TemplateFunctionException($"parsing time {GoStrconv.Quote((string)a[1]!)} as {GoStrconv.Quote((string)a[0]!)}: {problem}"));
        f.Add("unixEpoch", [GoParam.Time], a => AsTime(a[0]).Instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        f.Add("ago", P.Any, (ctx, a) => GoDuration.Format(RoundToSecond(Since(ctx, new GoTime(Instant(ctx, a[0]))))));
        f.Add("duration", P.Any, a => GoDuration.Format(checked(DurationSeconds(a[0]) * GoDuration.Second)));
        f.Add("durationRound", P.Any, (ctx, a) => DurationRound(ctx, a[0]));
    }

    private static GoTime AsTime(object? v) => v as GoTime ?? throw new TemplateFunctionException("wrong type for value; expected time.Time; got " + GoTypes.TypeName(v));

    /// <summary>Sprig's reading of a date argument: a time, or Unix seconds as int/int64; anything else is now.</summary>
    private static DateTimeOffset Instant(FunctionContext ctx, object? date) => date switch
    {
        GoTime g => g.Instant,
        GoInt64 i => DateTimeOffset.FromUnixTimeSeconds(i.Value),
        long l => DateTimeOffset.FromUnixTimeSeconds(l),
        _ => ctx.Execution.Environment.Clock(),
    };

    private static string DateInZone(FunctionContext ctx, string layout, object? date, string zone)
    {
        var (instant, name) = InZone(Instant(ctx, date), zone);
        return GoTimeFormat.Format(new GoTime(instant, name), layout);
    }

    private static (DateTimeOffset Instant, string Name) InZone(DateTimeOffset t, string zone)
    {
        if (zone is "Local" or "UTC" or "")
        {
            return (t.ToUniversalTime(), "UTC");
        }

        try
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            var local = TimeZoneInfo.ConvertTime(t, tz);
            var abbreviation = local.Offset == TimeSpan.Zero ? "UTC" : FormatOffsetName(local.Offset);
            return (local, abbreviation);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return (t.ToUniversalTime(), "UTC");
        }
    }

    /// <summary>Go prints a zone without an abbreviation in its tz data as a numeric offset like "+03".</summary>
    private static string FormatOffsetName(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0 ? $"{sign}{abs.Hours:D2}" : $"{sign}{abs.Hours:D2}{abs.Minutes:D2}";
    }

    private static GoTime Modify(string duration, GoTime t, bool must)
    {
        if (!GoDuration.TryParse(duration, out var d))
        {
            return must ? throw new TemplateFunctionException($"time: invalid duration {GoStrconv.Quote(duration)}") : t;
        }

        return new GoTime(t.Instant.AddTicks(d / 100), t.ZoneName);
    }

    private static long Since(FunctionContext ctx, GoTime t) => (ctx.Execution.Environment.Clock() - t.Instant).Ticks * 100;

    private static long RoundToSecond(long d)
    {
        var r = d % GoDuration.Second;
        if (d < 0)
        {
            r = -r;
            return r + r < GoDuration.Second ? d + r : d + r - GoDuration.Second;
        }

        return r + r < GoDuration.Second ? d - r : d + GoDuration.Second - r;
    }

    /// <summary>Sprig's duration: a string is parsed as seconds, an int64 taken as is, anything else is 0.</summary>
    private static long DurationSeconds(object? v) => v switch
    {
        string s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0,
        GoInt64 i => i.Value,
        _ => 0,
    };

    private static string DurationRound(FunctionContext ctx, object? v)
    {
        long d = v switch
        {
            string s => GoDuration.TryParse(s, out var parsed) ? parsed : 0,
            GoInt64 i => i.Value,
            GoTime t => Since(ctx, t),
            _ => 0,
        };
        var u = (ulong)(d < 0 ? -d : d);
        const ulong second = (ulong)GoDuration.Second;
        const ulong minute = (ulong)GoDuration.Minute;
        const ulong hour = (ulong)GoDuration.Hour;
        const ulong day = hour * 24;
        const ulong month = day * 30;
        const ulong year = day * 365;
        return u switch
        {
            > year => (u / year).ToString(CultureInfo.InvariantCulture) + "y",
            > month => (u / month).ToString(CultureInfo.InvariantCulture) + "mo",
            > day => (u / day).ToString(CultureInfo.InvariantCulture) + "d",
            > hour => (u / hour).ToString(CultureInfo.InvariantCulture) + "h",
            > minute => (u / minute).ToString(CultureInfo.InvariantCulture) + "m",
            > second => (u / second).ToString(CultureInfo.InvariantCulture) + "s",
            _ => "0s",
        };
    }
}
