using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>With <see cref="RenderOptions.RecordSourceMap"/> the engine records where each piece of output came from.</summary>
[TestClass]
public sealed class SourceMapTests
{
    private static readonly RenderOptions Recording = new() { RecordSourceMap = true };

    private static string ConformanceCharts => Path.Combine(AppContext.BaseDirectory, "Conformance", "Charts");

    [TestMethod]
    public void TextLinesMapToTheirTemplateLines()
    {
        var manifest = Single(TestCharts.Render("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n", Recording));

        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 1, 1, null), manifest.SourceMap!.Lookup(1, 1));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 4, 3, null), manifest.SourceMap.Lookup(4, 3));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 6, 6, null), manifest.SourceMap.Lookup(6, 6));
    }

    [TestMethod]
    public void APrintedValueMapsToItsActionWithTheValuesPath()
    {
        var template = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  tag: {{ .Values.image.tag | quote }}\n  other: {{ default \"d\" .Values.image.other }}\n  both: {{ printf \"%s\" .Values.image.tag }}\n";
        var manifest = Single(TestCharts.Render(template, Recording, ("values.yaml", "image:\n  tag: v1\n  other: o\n")));

        Assert.AreEqual("  tag: \"v1\"", manifest.Content.Split('\n')[5]);
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 6, 8, "image.tag"), manifest.SourceMap!.Lookup(6, 8));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 6, 8, "image.tag"), manifest.SourceMap.Lookup(6, 11));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 7, 10, "image.other"), manifest.SourceMap.Lookup(7, 10));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 8, 9, null), manifest.SourceMap.Lookup(8, 9), "printf is not a pass-through");
    }

    [TestMethod]
    public void AValueReadThroughWithDotKeepsItsValuesPath()
    {
        var template = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n{{- with .Values.image }}\n  tag: {{ .tag | quote }}\n{{- end }}\n{{- range .Values.list }}\n  item: {{ . }}\n{{- end }}\n";
        var manifest = Single(TestCharts.Render(template, Recording, ("values.yaml", "image:\n  tag: v1\nlist: [a]\n")));

        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 7, 8, "image.tag"), manifest.SourceMap!.Lookup(6, 8));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 10, 9, "list[0]"), manifest.SourceMap.Lookup(7, 9));
    }

    [TestMethod]
    public void AValueReadThroughAVariableOrARangeKeepsItsValuesPath()
    {
        var template = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: x
            data:
            {{- $image := .Values.image }}
              tag: {{ $image.tag }}
            {{- $image = .Values.sidecar }}
              sidecar: {{ $image.tag | quote }}
            {{- range $name, $value := .Values.env }}
              {{ $name }}: {{ $value }}
            {{- end }}
            {{- range $i, $port := .Values.ports }}
              port{{ $i }}: {{ $port.number }}
            {{- end }}
            {{- with .Values.nested }}
            {{- range .hosts }}
              host: {{ . }}
            {{- end }}
            {{- end }}
              computed: {{ printf "%s" $image.tag }}
            """;
        var values = "image:\n  tag: v1\nsidecar:\n  tag: s1\nenv:\n  LEVEL: debug\nports:\n  - number: 80\nnested:\n  hosts: [a.example]\n";
        var manifest = Single(TestCharts.Render(template, Recording, ("values.yaml", values)));
        var lines = manifest.Content.Split('\n');

        Assert.AreEqual("  tag: v1", lines[5]);
        Assert.AreEqual("image.tag", manifest.SourceMap!.Lookup(6, 8)!.ValuesPath);
        Assert.AreEqual("sidecar.tag", manifest.SourceMap.Lookup(7, 12)!.ValuesPath, "an assignment moves the variable's path");
        Assert.AreEqual("  LEVEL: debug", lines[7]);
        Assert.IsNull(manifest.SourceMap.Lookup(8, 3)!.ValuesPath, "a map key is not a value");
        Assert.AreEqual("env.LEVEL", manifest.SourceMap.Lookup(8, 10)!.ValuesPath);
        Assert.AreEqual("  port0: 80", lines[8]);
        Assert.AreEqual("ports[0].number", manifest.SourceMap.Lookup(9, 10)!.ValuesPath);
        Assert.AreEqual("  host: a.example", lines[9]);
        Assert.AreEqual("nested.hosts[0]", manifest.SourceMap.Lookup(10, 9)!.ValuesPath);
        Assert.IsNull(manifest.SourceMap.Lookup(11, 13)!.ValuesPath, "printf is not a pass-through");
    }

    [TestMethod]
    public void ATemplateGivenValuesAsDataKeepsTheirValuesPath()
    {
        var helpers = "{{- define \"t.image\" -}}\n{{ .repository }}:{{ .tag }}\n{{- end }}\n{{- define \"t.port\" }}\n  port: {{ .number }}\n{{- end }}\n{{- define \"t.value\" }}{{ .value }}{{ end }}\n";
        var template = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: x
            data:
              image: {{ include "t.image" .Values.image }}
            {{- range .Values.ports }}
            {{- template "t.port" . }}
            {{- end }}
            {{- with .Values.extra }}
              extra: {{ include "t.value" . }}
            {{- end }}
              root: {{ include "t.image" $.Values.image | quote }}
            """;
        var values = "image:\n  repository: r\n  tag: v1\nports:\n  - number: 80\nextra:\n  value: e\n";
        var manifest = Single(TestCharts.Render(template, Recording, ("values.yaml", values), ("templates/_helpers.tpl", helpers)));
        var lines = manifest.Content.Split('\n');

        Assert.AreEqual("  image: r:v1", lines[5]);
        Assert.AreEqual(new TemplateSourcePosition("t/templates/_helpers.tpl", 2, 1, "image.repository"), manifest.SourceMap!.Lookup(6, 10));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/_helpers.tpl", 2, 19, "image.tag"), manifest.SourceMap.Lookup(6, 12));
        Assert.AreEqual("  port: 80", lines[6]);
        Assert.AreEqual(new TemplateSourcePosition("t/templates/_helpers.tpl", 5, 9, "ports[0].number"), manifest.SourceMap.Lookup(7, 9));
        Assert.AreEqual("  extra: e", lines[7]);
        Assert.AreEqual("extra.value", manifest.SourceMap.Lookup(8, 10)!.ValuesPath);
        Assert.AreEqual("  root: \"r:v1\"", lines[8]);
        Assert.IsNull(manifest.SourceMap.Lookup(9, 9)!.ValuesPath, "quote of an include's whole output names no single value");
    }

    [TestMethod]
    public void OutputOfAnIncludeMapsIntoTheHelpersFile()
    {
        var helpers = "{{- define \"t.labels\" -}}\napp: t\ntier: {{ .Values.tier }}\n{{- end }}\n";
        var template = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n    {{- include \"t.labels\" . | nindent 4 }}\n";
        var manifest = Single(TestCharts.Render(template, Recording, ("values.yaml", "tier: web\n"), ("templates/_helpers.tpl", helpers)));

        var lines = manifest.Content.Split('\n');
        Assert.AreEqual("    app: t", lines[5]);
        Assert.AreEqual("    tier: web", lines[6]);
        Assert.AreEqual(new TemplateSourcePosition("t/templates/_helpers.tpl", 2, 1, null), manifest.SourceMap!.Lookup(6, 5));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/_helpers.tpl", 2, 6, null), manifest.SourceMap.Lookup(6, 10));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/_helpers.tpl", 3, 1, null), manifest.SourceMap.Lookup(7, 5));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/_helpers.tpl", 3, 7, "tier"), manifest.SourceMap.Lookup(7, 11));
        Assert.AreEqual("t/templates/t.yaml", manifest.SourceMap.Lookup(6, 1)!.Template, "the indentation nindent added is the action's");
    }

    [TestMethod]
    public void TheTemplateActionMapsIntoTheDefinedTemplate()
    {
        var helpers = "{{- define \"t.data\" }}\n  a: b\n{{- end }}\n";
        var template = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n{{- template \"t.data\" . }}\n";
        var manifest = Single(TestCharts.Render(template, Recording, ("templates/_helpers.tpl", helpers)));

        Assert.AreEqual("  a: b", manifest.Content.Split('\n')[5]);
        Assert.AreEqual(new TemplateSourcePosition("t/templates/_helpers.tpl", 2, 3, null), manifest.SourceMap!.Lookup(6, 3));
    }

    [TestMethod]
    public void DocumentsKeepTheirPositionsAfterSplittingAndTrimming()
    {
        var template = "\n\n# first\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  x: {{ .Values.missing }}y\n---\n\n  \napiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Values.name }}\n";
        var result = TestCharts.Render(template, Recording, ("values.yaml", "name: s\n"));
        Assert.IsTrue(result.Succeeded, result.Error);
        var config = result.Manifests.Single(m => m.Kind == "ConfigMap");
        var secret = result.Manifests.Single(m => m.Kind == "Secret");

        Assert.IsTrue(config.Content.StartsWith("# first\n", StringComparison.Ordinal));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 3, 1, null), config.SourceMap!.Lookup(1, 1));
        Assert.AreEqual("  x: y", config.Content.Split('\n')[5]);
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 8, 27, null), config.SourceMap.Lookup(6, 6), "<no value> removed before y");
        Assert.IsTrue(secret.Content.StartsWith("apiVersion: v1\n", StringComparison.Ordinal));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 12, 1, null), secret.SourceMap!.Lookup(1, 1));
        Assert.AreEqual(new TemplateSourcePosition("t/templates/t.yaml", 15, 9, "name"), secret.SourceMap.Lookup(4, 9));
    }

    [TestMethod]
    public void RecordingOffLeavesNoMapAndRecordingChangesNoOutput()
    {
        var charts = Directory.EnumerateDirectories(ConformanceCharts).Select(d => Path.Combine(d, "chart")).Where(Directory.Exists).ToList();
        Assert.IsTrue(charts.Count > 10);
        foreach (var chart in charts)
        {
            var plain = ChartRenderer.Render(chart);
            var recorded = ChartRenderer.Render(chart, Recording);
            Assert.AreEqual(plain.ToHelmOutput(), recorded.ToHelmOutput(), chart);
            Assert.AreEqual(plain.Error, recorded.Error, chart);
            Assert.IsTrue(plain.Manifests.All(m => m.SourceMap is null), chart);
            foreach (var manifest in recorded.Manifests)
            {
                Assert.IsNotNull(manifest.SourceMap, chart);
                var lines = manifest.Content.Split('\n');
                for (var line = 1; line <= lines.Length; line++)
                {
                    for (var column = 1; column <= lines[line - 1].Length; column++)
                    {
                        var origin = manifest.SourceMap.Lookup(line, column);
                        if (origin is not null)
                        {
                            Assert.IsTrue(origin.Line >= 1 && origin.Column >= 1, $"{chart} {manifest.SourceTemplate}({line},{column})");
                        }
                    }
                }
            }
        }
    }

    private static RenderedManifest Single(RenderResult result)
    {
        Assert.IsTrue(result.Succeeded, result.Error);
        Assert.AreEqual(1, result.Manifests.Count);
        Assert.IsNotNull(result.Manifests[0].SourceMap);
        return result.Manifests[0];
    }
}
