using System.Text;
using WellTrack.Templating.Charts;
using static WellTrack.Templating.Tests.Upstream.UpstreamCharts;

namespace WellTrack.Templating.Tests.Upstream;

/// <summary>
/// Helm v3.16 pkg/engine/engine_test.go, the tests that need subcharts, which the oracle does not render: each chart
/// of the Go test is rebuilt as files, with Helm's expected text. Two things differ from the Go tests, for the same
/// reason, and keep their meaning: `helm template` prints only templates whose output is a YAML document, so each
/// template writes `out: ` before the text Helm's test checks; and a template file needs a name the loader renders,
/// so `templates/isroot` becomes `templates/isroot.yaml` (the `.Template.Name` Helm expects gains that extension).
/// Values the Go test injects are given as --set. The rest of that file is in Conformance (helm-engine-suite.cases,
/// Charts/helm-engine-*).
/// </summary>
[TestClass]
public sealed class HelmEngineSuiteTests
{
    [TestMethod]
    public void RenderRefsOrderingPrefersTheParentsDefine()
    {
        var files = Chart("parent",
            ("templates/_helpers.tpl", """{{- define "test" -}}parent value{{- end -}}"""),
            ("templates/test.yaml", """out: {{ tpl "{{ include \"test\" . }}" . }}"""),
            ("charts/child/Chart.yaml", Metadata("child")),
            ("charts/child/templates/_helpers.tpl", """{{- define "test" -}}child value{{- end -}}"""));

        // Helm's test renders 100 times because Go's map order once made the winner vary.
        for (var i = 0; i < 100; i++)
        {
            Assert.AreEqual("out: parent value", Outputs(files)["parent/templates/test.yaml"], $"iteration {i + 1}");
        }
    }

    [TestMethod]
    public void ChartValuesContainIsRoot()
    {
        var outputs = Outputs(Chart("parent",
            ("templates/isroot.yaml", "out: {{.Chart.IsRoot}}"),
            ("charts/child/Chart.yaml", Metadata("child")),
            ("charts/child/templates/isroot.yaml", "out: {{.Chart.IsRoot}}")));

        Assert.AreEqual("out: true", outputs["parent/templates/isroot.yaml"]);
        Assert.AreEqual("out: false", outputs["parent/charts/child/templates/isroot.yaml"]);
    }

    [TestMethod]
    public void RenderDependencyReachesASubchartsDefine()
    {
        var outputs = Outputs(Chart("outerchart",
            ("templates/outer.yaml", """out: Hello {{template "myblock"}}"""),
            ("charts/innerchart/Chart.yaml", Metadata("innerchart")),
            ("charts/innerchart/templates/inner.yaml", """{{define "myblock"}}World{{end}}""")));

        Assert.AreEqual("out: Hello World", outputs["outerchart/templates/outer.yaml"]);

        // Helm's render map holds the inner template too, as an empty string; `helm template` prints no empty document.
        Assert.AreEqual(1, outputs.Count);
    }

    [TestMethod]
    public void RenderNestedValuesScopesEachChartAndItsSubcharts()
    {
        var files = Chart("top",
            ("values.yaml", "what: stinkweed\nwho: me\nherrick:\n  who: time\n  what: Sun\n"),
            ("templates/outer.tpl.yaml", "out: Gather ye {{.Values.what}} while ye may"),
            ("templates/subcharts.yaml", "out: The glorious Lamp of {{.Subcharts.herrick.Subcharts.deepest.Values.where}}, the {{.Subcharts.herrick.Values.what}}"),
            ("charts/herrick/Chart.yaml", Metadata("herrick")),
            ("charts/herrick/values.yaml", "who: Robert\nwhat: glasses\n"),
            ("charts/herrick/templates/inner.yaml", "out: Old {{.Values.who}} is still a-flyin'"),
            ("charts/herrick/charts/deepest/Chart.yaml", Metadata("deepest")),
            ("charts/herrick/charts/deepest/values.yaml", "what: milkshake\nwhere: here\n"),
            ("charts/herrick/charts/deepest/templates/inner.yaml", "out: And this same {{.Values.what}} that smiles {{.Values.global.when}}"),
            ("charts/herrick/charts/deepest/templates/release.yaml", """out: Tomorrow will be {{default "happy" .Release.Name }}"""));
        var options = new RenderOptions
        {
            ReleaseName = "dyin",
            SetValues = ["what=rosebuds,herrick.deepest.what=flower,herrick.deepest.where=Heaven,global.when=to-day"],
        };

        var outputs = Outputs(files, options);

        Assert.AreEqual("out: Gather ye rosebuds while ye may", outputs["top/templates/outer.tpl.yaml"]);
        Assert.AreEqual("out: Old time is still a-flyin'", outputs["top/charts/herrick/templates/inner.yaml"]);
        Assert.AreEqual("out: And this same flower that smiles to-day", outputs["top/charts/herrick/charts/deepest/templates/inner.yaml"]);
        Assert.AreEqual("out: Tomorrow will be dyin", outputs["top/charts/herrick/charts/deepest/templates/release.yaml"]);
        Assert.AreEqual("out: The glorious Lamp of Heaven, the Sun", outputs["top/templates/subcharts.yaml"]);
    }

    [TestMethod]
    public void RenderBuiltinValuesAreEachChartsOwn()
    {
        var outputs = Outputs(Chart("Troy",
            ("templates/Aeneas.yaml", "out: {{.Template.Name}}{{.Chart.Name}}{{.Release.Name}}"),
            ("templates/Amata.yaml", """out: {{.Subcharts.Latium.Chart.Name}} {{.Subcharts.Latium.Files.author | printf "%s"}}"""),
            ("charts/Latium/Chart.yaml", Metadata("Latium")),
            ("charts/Latium/author", "Virgil"),
            ("charts/Latium/book/title.txt", "Aeneid"),
            ("charts/Latium/templates/Lavinia.yaml", "out: {{.Template.Name}}{{.Chart.Name}}{{.Release.Name}}"),
            ("charts/Latium/templates/From.yaml", """out: {{.Files.author | printf "%s"}} {{.Files.Get "book/title.txt"}}""")),
            new RenderOptions { ReleaseName = "Aeneid" });

        Assert.AreEqual("out: Troy/charts/Latium/templates/Lavinia.yamlLatiumAeneid", outputs["Troy/charts/Latium/templates/Lavinia.yaml"]);
        Assert.AreEqual("out: Troy/templates/Aeneas.yamlTroyAeneid", outputs["Troy/templates/Aeneas.yaml"]);
        Assert.AreEqual("out: Latium Virgil", outputs["Troy/templates/Amata.yaml"]);
        Assert.AreEqual("out: Virgil Aeneid", outputs["Troy/charts/Latium/templates/From.yaml"]);
    }

    [TestMethod]
    public void AllTemplatesOfEveryChartLevelRender()
    {
        var outputs = Outputs(Chart("ch1",
            ("templates/foo.yaml", "out: foo"),
            ("templates/bar.yaml", "out: bar"),
            ("charts/dep1/Chart.yaml", Metadata("laboratory mice")),
            ("charts/dep1/templates/pinky.yaml", "out: pinky"),
            ("charts/dep1/templates/brain.yaml", "out: brain"),
            ("charts/dep1/charts/dep2/Chart.yaml", Metadata("same thing we do every night")),
            ("charts/dep1/charts/dep2/templates/innermost.yaml", "out: innermost")));

        Assert.AreEqual(5, outputs.Count, string.Join(", ", outputs.Keys));
    }


    /// <summary>Each rendered template's text by its name, as Helm's Render map keys it.</summary>
    private static Dictionary<string, string> Outputs(Dictionary<string, byte[]> files, RenderOptions? options = null)
    {
        var name = System.Text.RegularExpressions.Regex.Match(Encoding.UTF8.GetString(files["Chart.yaml"]), "name: (.*)").Groups[1].Value;
        var result = ChartRenderer.RenderFiles(name, files, options);
        Assert.IsTrue(result.Succeeded, result.Error);
        return result.Manifests.ToDictionary(m => m.SourceTemplate, m => m.Content.TrimEnd('\n'), StringComparer.Ordinal);
    }
}
