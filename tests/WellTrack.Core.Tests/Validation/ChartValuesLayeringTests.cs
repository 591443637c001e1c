using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Validation;

/// <summary>
/// The schema check (WT3017) reads the values Helm renders with, layered by the engine's coalescing. The core's own
/// copy, which it replaced, dropped every null; Helm v3.16 keeps a null the chart's values.yaml writes and a null
/// a values file writes for a key the chart does not define (helm-oracle renders <c>{{ toJson .Values }}</c> with
/// <c>"replicaCount":null</c> and <c>"extra":null</c> for these inputs), and validates them against the schema.
/// </summary>
[TestClass]
public sealed class ChartValuesLayeringTests
{
    [TestMethod]
    public void ANullInValuesYamlIsCheckedAgainstTheSchema()
    {
        var report = Validate(("values.yaml", "replicaCount: null\nimage:\n  repository: ghcr.io/acme/demo\n  tag: \"1.2.3\"\n"));
        AssertSchemaError(report, "charts/demo/values.yaml", "replicaCount");
    }

    [TestMethod]
    public void ANullForAKeyTheChartLacksStaysAndMeetsAdditionalProperties()
    {
        var report = Validate(("ci/extra-values.yaml", "extra: null\n"));
        AssertSchemaError(report, "charts/demo/ci/extra-values.yaml", "extra");
    }

    [TestMethod]
    public void ANullForAKeyTheChartDefinesRemovesIt()
    {
        var report = Validate(("ci/no-replicas-values.yaml", "replicaCount: null\n"));
        Assert.IsFalse(report.Diagnostics.Any(d => d.Code == "WT3017"), string.Join("\n", report.Diagnostics));
    }

    private static ValidationReport Validate(params (string Path, string Text)[] changes)
    {
        using var directory = new TemporaryDirectory();
        var files = DemoChart.Files();
        foreach (var (path, text) in changes)
        {
            files[path] = text;
        }

        var chart = DemoChart.Write(directory.Path, files);
        return ChartValidator.Validate(chart, ValidationSettings.Default with { BaseDirectory = directory.Path }, DemoChart.Renderer(files));
    }

    private static void AssertSchemaError(ValidationReport report, string file, string valuesPath)
    {
        var all = string.Join("\n", report.Diagnostics);
        var found = report.Diagnostics.Where(d => d.Code == "WT3017").ToList();
        Assert.HasCount(1, found, all);
        Assert.AreEqual((DiagnosticSeverity.Error, file, 1, 1), (found[0].Severity, found[0].File, found[0].Line, found[0].Column), all);
        Assert.Contains(valuesPath, found[0].Message, all);
    }
}
