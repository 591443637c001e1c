using WellTrack.Templating.Charts;
using WellTrack.Testing;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>Render errors carry Helm's words and a WT4xxx diagnostic with the template file, line and column.</summary>
[TestClass]
public sealed class DiagnosticsTests
{
    [TestMethod]
    public void ExecutionErrorPointsAtTheFailingNode()
    {
        var result = TestCharts.Render("a: 1\nb:   {{ .Values.a.b }}\n");
        Assert.AreEqual(
            "template: t/templates/t.yaml:2:15: executing \"t/templates/t.yaml\" at <.Values.a.b>: nil pointer evaluating interface {}.b\n\nUse --debug flag to render out invalid YAML",
            result.Error);
        var d = result.Diagnostics.Single();
        // Go reports a field chain at its second identifier (.a), as its parser positions the chain there.
        Assert.AreEqual(("WT4002", "t/templates/t.yaml", 2, 16), (d.Code, d.File, d.Line, d.Column));
        StringAssert.StartsWith(d.ToString(), "t/templates/t.yaml(2,16): error WT4002: template execution error: template: t/templates/t.yaml:2:15:");
    }

    [TestMethod]
    public void ParseErrorHasTheLine()
    {
        var result = TestCharts.Render("a: 1\n\nb: {{ if }}\n");
        Assert.AreEqual("parse error at (t/templates/t.yaml:3): missing value for if\n\nUse --debug flag to render out invalid YAML", result.Error);
        var d = result.Diagnostics.Single();
        Assert.AreEqual(("WT4001", "t/templates/t.yaml", 3), (d.Code, d.File, d.Line));
    }

    [TestMethod]
    public void RequiredIsWT4003WithHelmsWording()
    {
        var result = TestCharts.Render("a: {{ required \"a is required\" .Values.a }}\n");
        Assert.AreEqual("execution error at (t/templates/t.yaml:1:6): a is required\n\nUse --debug flag to render out invalid YAML", result.Error);
        Assert.AreEqual("WT4003", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void ChartLoadErrorsAreWT4004()
    {
        var files = TestCharts.Files(("templates/t.yaml", "a: 1\n"));
        files["Chart.yaml"] = "apiVersion: v2\nversion: 0.1.0\n"u8.ToArray();
        var result = ChartRenderer.RenderFiles("t", files);
        Assert.AreEqual("validation: chart.metadata.name is required", result.Error);
        Assert.AreEqual("WT4004", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void InvalidRenderedYamlIsWT4006()
    {
        var result = TestCharts.Render("a: 1\n b: 2\n");
        Assert.AreEqual("WT4006", result.Diagnostics.Single().Code);
        StringAssert.StartsWith(result.Error, "YAML parse error on t/templates/t.yaml: error converting YAML to JSON: yaml: ");
    }
}
