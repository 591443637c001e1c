using WellTrack.Templating.Values;

namespace WellTrack.Templating.Time;

/// <summary>
/// Go's time.Time in templates: an instant with an offset and a zone abbreviation. Go's "Local" zone is UTC here:
/// templates may not read the machine's environment, and rendering must not depend on where it runs.
/// </summary>
public sealed class GoTime : GoObject
{
    public GoTime(DateTimeOffset instant, string zoneName = "UTC")
    {
        Instant = instant;
        ZoneName = zoneName;
    }

    public DateTimeOffset Instant { get; }

    public string ZoneName { get; }

    public override string TypeName => "time.Time";

    /// <summary>time.Time's String(): <c>2006-01-02 15:04:05.999999999 -0700 MST</c>.</summary>
    public override string? StringerValue => GoTimeFormat.Format(this, "2006-01-02 15:04:05.999999999 -0700 MST");

    public override string FormatValue() => StringerValue!;

    /// <summary>encoding/json marshals time.Time as RFC 3339 with nanoseconds.</summary>
    public override object? ToPlain() => GoTimeFormat.Format(this, "2006-01-02T15:04:05.999999999Z07:00");

    public override GoFunction? GetMethod(string name) => name switch
    {
        "Unix" => new GoFunction(name, [], false, (_, _) => new GoInt64(Instant.ToUnixTimeSeconds())),
        "Year" => new GoFunction(name, [], false, (_, _) => (long)Instant.Year),
        "Format" => new GoFunction(name, [GoParam.String], false, (_, a) => GoTimeFormat.Format(this, (string)a[0]!)),
        "UTC" => new GoFunction(name, [], false, (_, _) => new GoTime(Instant.ToUniversalTime(), "UTC")),
        _ => null,
    };
}
