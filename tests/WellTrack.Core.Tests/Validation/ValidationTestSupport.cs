using System.Runtime.CompilerServices;
using WellTrack.Core.Validation;

namespace WellTrack.Core.Tests.Validation;

/// <summary>Paths of the repository and of the pre-rendered fixtures.</summary>
internal static class ValidationTestSupport
{
    public static string RepositoryRoot([CallerFilePath] string thisFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));

    public static string FixturesDirectory => Path.Combine(RepositoryRoot(), "tests", "WellTrack.Core.Tests", "Validation", "Fixtures");

    /// <summary>
    /// Stands in for the template engine: returns the <c>helm template</c> output checked in under
    /// Fixtures/rendered/&lt;chart&gt;/&lt;variant&gt;.yaml (produced by the helm-oracle, see Fixtures/README.md) for a chart
    /// and its ci/ values file.
    /// </summary>
    public static IChartRenderer FixtureRenderer() => new PreRenderedChartRenderer((chart, values) =>
    {
        var variant = values.Count == 0 ? "default" : Path.GetFileNameWithoutExtension(values[0]);
        var file = Path.Combine(FixturesDirectory, "rendered", Path.GetFileName(chart), variant + ".yaml");
        return File.Exists(file) ? File.ReadAllText(file) : null;
    });

    /// <summary>Line and column (1-based) of the marker <c>»</c> in <paramref name="text"/>, and the text without it.</summary>
    public static (string Text, int Line, int Column)? Marker(string text)
    {
        var at = text.IndexOf('»', StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var before = text[..at];
        var line = before.Count(c => c == '\n') + 1;
        var column = at - (before.LastIndexOf('\n') + 1) + 1;
        return (text.Remove(at, 1), line, column);
    }
}
