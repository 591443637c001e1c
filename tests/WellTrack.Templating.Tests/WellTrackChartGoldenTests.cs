using System.Reflection;
using WellTrack.Templating.Charts;
using WellTrack.Testing;

namespace WellTrack.Templating.Tests;

/// <summary>
/// The WellTrack charts render byte for byte as the reference renderer (Go's text/template and Sprig, as helm
/// template does) renders them, with their default values and with every ci/*-values.yaml. Goldens:
/// eng/regenerate-goldens.sh.
/// </summary>
[TestClass]
public sealed class WellTrackChartGoldenTests
{
    private static string RepositoryRoot => RepositoryPaths.Root(typeof(WellTrackChartGoldenTests).Assembly);

    private static string Goldens => Path.Combine(AppContext.BaseDirectory, "WellTrackCharts");

    public static IEnumerable<object[]> Variants()
    {
        foreach (var chart in Directory.GetDirectories(Path.Combine(RepositoryRoot, "charts")).Where(d => File.Exists(Path.Combine(d, "Chart.yaml"))).Order())
        {
            yield return [Path.GetFileName(chart), "default"];
            foreach (var values in Directory.EnumerateFiles(Path.Combine(chart, "ci"), "*-values.yaml").Order())
            {
                yield return [Path.GetFileName(chart), Path.GetFileNameWithoutExtension(values)];
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Variants))]
    public void RendersAsTheReferenceRenderer(string chart, string variant)
    {
        var golden = Path.Combine(Goldens, chart, variant + ".yaml");
        Assert.IsTrue(File.Exists(golden), $"No golden for {chart} {variant}: run eng/regenerate-goldens.sh.");
        var directory = Path.Combine(RepositoryRoot, "charts", chart);
        var options = variant == "default" ? new RenderOptions() : new RenderOptions { ValueFiles = [Path.Combine(directory, "ci", variant + ".yaml")] };

        var result = ChartRenderer.Render(directory, options);

        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(File.ReadAllText(golden), result.ToHelmOutput());
    }
}
