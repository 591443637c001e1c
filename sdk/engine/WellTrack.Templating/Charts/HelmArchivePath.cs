using System.Text.RegularExpressions;
using WellTrack.Templating.Functions;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Charts;

/// <summary>
/// Helm v3.16's loader.LoadArchiveFiles, for one tar entry of a packaged subchart: the first path segment (whatever
/// it is, even empty) is the chart's directory and is dropped, the rest is cleaned, and a path that would leave the
/// chart fails the whole load with Helm's message rather than being skipped.
/// </summary>
internal static partial class HelmArchivePath
{
    /// <summary>The entry's chart-relative path.</summary>
    /// <exception cref="ChartArchiveException">With Helm's message, when the entry's path is refused.</exception>
    public static string Of(string entryName)
    {
        // Helm splits on backslashes when the name has any (an archive written on Windows), on slashes otherwise.
        var delimiter = entryName.Contains('\\', StringComparison.Ordinal) ? '\\' : '/';
        var parts = entryName.Split(delimiter);
        var path = string.Join('/', parts[1..]);
        if (path.StartsWith('/'))
        {
            throw Refused(entryName, "chart illegally contains absolute paths");
        }

        path = SprigPaths.Clean(path);
        if (path == ".")
        {
            throw Refused(entryName, $"chart illegally contains content outside the base directory: {GoStrconv.Quote(entryName)}");
        }

        if (path.StartsWith("..", StringComparison.Ordinal))
        {
            throw Refused(entryName, "chart illegally references parent directory");
        }

        if (DrivePath().IsMatch(path))
        {
            throw Refused(entryName, "chart contains illegally named files");
        }

        if (parts[0] == "Chart.yaml")
        {
            throw Refused(entryName, "chart yaml not in base directory");
        }

        return path;
    }

    private static ChartArchiveException Refused(string entryName, string message) => new(ChartArchiveProblem.PathEscapes, entryName, message);

    [GeneratedRegex("^[a-zA-Z]:/")]
    private static partial Regex DrivePath();
}
