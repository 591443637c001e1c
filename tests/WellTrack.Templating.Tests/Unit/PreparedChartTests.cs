using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>A prepared chart parses once and renders many times, concurrently, with per-render values.</summary>
[TestClass]
public sealed class PreparedChartTests
{
    private static string ScaffoldDirectory => Path.Combine(AppContext.BaseDirectory, "Conformance", "Charts", "scaffold", "chart");

    [TestMethod]
    public void RepeatedAndConcurrentRendersAgreeWithAOneShotRender()
    {
        var expected = ChartRenderer.Render(ScaffoldDirectory).ToHelmOutput();
        var chart = PreparedChart.Load(ScaffoldDirectory);
        Assert.AreEqual(expected, chart.Render(new RenderOptions()).ToHelmOutput());
        var outputs = new string[16];
        Parallel.For(0, outputs.Length, i => outputs[i] = chart.Render(new RenderOptions()).ToHelmOutput());
        CollectionAssert.AreEqual(Enumerable.Repeat(expected, outputs.Length).ToArray(), outputs);
    }

    [TestMethod]
    public void TemplatesCannotLeakValueChangesIntoTheNextRender()
    {
        var files = TestCharts.Files(
            ("values.yaml", "list: [a]\nmap: {k: v}\n"),
            ("templates/t.yaml", "{{ $_ := set .Values.map \"k\" \"changed\" }}{{ $_ := unset .Values \"list\" }}a: {{ .Values.map.k }}\n"));
        var chart = PreparedChart.Prepare(LoadedChart.FromFiles("t", files));
        var first = chart.Render(new RenderOptions()).ToHelmOutput();
        Assert.AreEqual(first, chart.Render(new RenderOptions()).ToHelmOutput());
        Assert.AreEqual(2, chart.Chart.Values.Count, "values.yaml as loaded keeps both keys");
        Assert.AreEqual("v", ((Dictionary<string, object?>)chart.Chart.Values["map"]!)["k"]);
    }

    [TestMethod]
    public void OptionsChangeOnlyWhatTheyName()
    {
        var chart = PreparedChart.Load(ScaffoldDirectory);
        var renamed = chart.Render(new RenderOptions { ReleaseName = "other", SetValues = ["replicaCount=5"] }).ToHelmOutput();
        StringAssert.Contains(renamed, "name: other-scaffold");
        StringAssert.Contains(renamed, "replicas: 5");
        StringAssert.Contains(chart.Render(new RenderOptions()).ToHelmOutput(), "replicas: 1");
    }
}
