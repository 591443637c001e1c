namespace WellTrack.Templating.Charts;

/// <summary>A chart that Helm would refuse to load; the message is Helm's.</summary>
public sealed class ChartLoadException(string message, string? file = null, int line = 0, int column = 0)
    : LocatedException(message, file, line, column);
