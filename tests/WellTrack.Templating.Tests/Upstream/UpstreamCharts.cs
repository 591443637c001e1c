using System.Text;

namespace WellTrack.Templating.Tests.Upstream;

/// <summary>Charts as files in memory, the way the Upstream suites rebuild the Go tests' chart structs.</summary>
internal static class UpstreamCharts
{
    /// <summary>A minimal Chart.yaml; subcharts list no dependencies, so each one in charts/ is used.</summary>
    public static string Metadata(string name) => $"apiVersion: v2\nname: {name}\nversion: 1.2.3\n";

    /// <summary>The chart's files by relative path, its Chart.yaml first.</summary>
    public static Dictionary<string, byte[]> Chart(string name, params (string Path, string Text)[] files) =>
        files.Prepend(("Chart.yaml", Metadata(name))).ToDictionary(f => f.Item1, f => Encoding.UTF8.GetBytes(f.Item2), StringComparer.Ordinal);
}
