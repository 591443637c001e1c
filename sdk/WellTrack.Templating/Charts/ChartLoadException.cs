namespace WellTrack.Templating.Charts;

/// <summary>A chart that Helm would refuse to load; the message is Helm's.</summary>
public sealed class ChartLoadException : Exception
{
    public ChartLoadException(string message, string? file = null, int line = 0, int column = 0)
        : base(message)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string? File { get; }

    public int Line { get; }

    public int Column { get; }
}
