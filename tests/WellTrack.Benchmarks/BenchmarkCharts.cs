using System.Reflection;

namespace WellTrack.Benchmarks;

/// <summary>The charts the benchmarks render: the helm-create-style scaffold of the conformance suite, and copies of it.</summary>
internal static class BenchmarkCharts
{
    public static string RepositoryRoot
        => typeof(BenchmarkCharts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    public static string Scaffold => Path.Combine(RepositoryRoot, "tests", "WellTrack.Templating.Tests", "Conformance", "Charts", "scaffold", "chart");

    public static string WellTrackChart(string name) => Path.Combine(RepositoryRoot, "charts", name);

    /// <summary>Copies the scaffold <paramref name="count"/> times, each under its own chart name, as a charts/ directory would hold them.</summary>
    public static IReadOnlyList<string> ScaffoldCopies(string root, int count)
    {
        var charts = new List<string>(count);
        var chartYaml = File.ReadAllText(Path.Combine(Scaffold, "Chart.yaml"));
        var originalName = chartYaml.Split('\n').First(line => line.StartsWith("name:", StringComparison.Ordinal))["name:".Length..].Trim();
        for (var i = 0; i < count; i++)
        {
            var name = $"service-{i:000}";
            var target = Path.Combine(root, name);
            foreach (var file in Directory.EnumerateFiles(Scaffold, "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(target, Path.GetRelativePath(Scaffold, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.WriteAllText(destination, File.ReadAllText(file).Replace(originalName, name, StringComparison.Ordinal));
            }

            charts.Add(target);
        }

        return charts;
    }
}
