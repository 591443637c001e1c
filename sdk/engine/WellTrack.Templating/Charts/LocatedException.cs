namespace WellTrack.Templating.Charts;

/// <summary>An error Helm reports about a place in a chart: its message is Helm's, with the file, line and column.</summary>
public abstract class LocatedException : Exception
{
    protected LocatedException(string message, string? file, int line, int column)
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
