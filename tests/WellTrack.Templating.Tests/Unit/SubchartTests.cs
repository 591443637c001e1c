using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>
/// Subcharts as Helm v3 renders them (chartutil.CoalesceValues, ProcessDependencyEnabled, engine.recAllTpls).
/// The oracle does not model subcharts, so these expectations are written from Helm's documented behaviour:
/// values scoped to the subchart's section, globals copied down, conditions/tags/aliases, library charts
/// contributing only partials, one shared namespace of defines.
/// </summary>
[TestClass]
public sealed class SubchartTests
{
    private static Dictionary<string, byte[]> Chart()
    {
        var files = new Dictionary<string, string>
        {
            ["Chart.yaml"] = """
                apiVersion: v2
                name: app
                version: 1.0.0
                dependencies:
                  - name: db
                    version: ">=0.1.0"
                    alias: primary
                  - name: db
                    version: ">=0.1.0"
                    alias: replica
                    condition: replica.enabled
                  - name: opt
                    version: 0.1.0
                    tags: [extras]
                  - name: lib
                    version: 0.1.0
                """,
            ["values.yaml"] = """
                global:
                  env: prod
                  labels:
                    team: web
                primary:
                  size: 10
                replica:
                  enabled: false
                tags:
                  extras: false
                """,
            ["templates/app.yaml"] = """
                kind: ConfigMap
                metadata:
                  name: {{ include "lib.name" . }}
                data:
                  primary: {{ .Values.primary | toJson | quote }}
                  fromSub: {{ include "db.helper" . | quote }}
                  subchartSize: {{ .Subcharts.primary.Values.size | quote }}
                  subchartName: {{ .Subcharts.primary.Chart.Name | quote }}
                  subcharts: {{ keys .Subcharts | sortAlpha | join "," | quote }}
                """,
            ["charts/db/Chart.yaml"] = "apiVersion: v2\nname: db\nversion: 0.2.0\n",
            ["charts/db/values.yaml"] = "size: 1\nuser: admin\nglobal:\n  labels:\n    tier: data\n",
            ["charts/db/templates/_helpers.tpl"] = "{{ define \"db.helper\" }}helper-of-{{ .Chart.Name }}{{ end }}",
            ["charts/db/templates/db.yaml"] = """
                kind: Secret
                metadata:
                  name: {{ .Chart.Name }}-{{ .Release.Name }}
                data:
                  size: {{ .Values.size | quote }}
                  user: {{ .Values.user | quote }}
                  env: {{ .Values.global.env | quote }}
                  labels: {{ .Values.global.labels | toJson | quote }}
                  root: {{ .Chart.IsRoot | quote }}
                  template: {{ .Template.Name | quote }}
                  base: {{ .Template.BasePath | quote }}
                """,
            ["charts/opt/Chart.yaml"] = "apiVersion: v2\nname: opt\nversion: 0.1.0\n",
            ["charts/opt/templates/opt.yaml"] = "kind: Opt\n",
            ["charts/lib/Chart.yaml"] = "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n",
            ["charts/lib/templates/_name.tpl"] = "{{ define \"lib.name\" }}named-{{ .Chart.Name }}{{ end }}",
            ["charts/lib/templates/notpartial.yaml"] = "kind: NeverRendered\n",
        };
        return files.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value.Replace("\r", string.Empty, StringComparison.Ordinal)), StringComparer.Ordinal);
    }

    private static string Render(Dictionary<string, byte[]> files, params string[] sets)
    {
        var result = ChartRenderer.RenderFiles("app", files, new RenderOptions { SetValues = sets });
        Assert.IsTrue(result.Succeeded, result.Error);
        return result.ToHelmOutput();
    }

    [TestMethod]
    public void SubchartSeesItsSectionGlobalsAndItsOwnChart()
    {
        var output = Render(Chart());
        StringAssert.Contains(output, """
            ---
            # Source: app/charts/primary/templates/db.yaml
            kind: Secret
            metadata:
              name: primary-release-name
            data:
              size: "10"
              user: "admin"
              env: "prod"
              labels: "{\"team\":\"web\",\"tier\":\"data\"}"
              root: "false"
              template: "app/charts/primary/templates/db.yaml"
              base: "app/charts/primary/templates"
            """);
    }

    [TestMethod]
    public void ParentSeesTheCoalescedSubchartSectionAndSharedDefines()
    {
        var output = Render(Chart());
        StringAssert.Contains(output, """
            # Source: app/templates/app.yaml
            kind: ConfigMap
            metadata:
              name: named-app
            data:
              primary: "{\"global\":{\"env\":\"prod\",\"labels\":{\"team\":\"web\",\"tier\":\"data\"}},\"size\":10,\"user\":\"admin\"}"
              fromSub: "helper-of-app"
              subchartSize: "10"
              subchartName: "primary"
              subcharts: "lib,primary"
            """);
    }

    [TestMethod]
    public void ConditionsTagsAndLibrariesDecideWhatRenders()
    {
        var output = Render(Chart());
        Assert.IsFalse(output.Contains("charts/replica", StringComparison.Ordinal), "condition replica.enabled=false");
        Assert.IsFalse(output.Contains("kind: Opt", StringComparison.Ordinal), "tag extras=false");
        Assert.IsFalse(output.Contains("NeverRendered", StringComparison.Ordinal), "library charts render only partials");

        var enabled = Render(Chart(), "replica.enabled=true", "tags.extras=true");
        StringAssert.Contains(enabled, "# Source: app/charts/replica/templates/db.yaml");
        StringAssert.Contains(enabled, "name: replica-release-name");
        StringAssert.Contains(enabled, "# Source: app/charts/opt/templates/opt.yaml");
    }

    [TestMethod]
    public void PackagedSubchartsAreRead()
    {
        var files = Chart();
        var db = files.Where(kv => kv.Key.StartsWith("charts/db/", StringComparison.Ordinal)).ToList();
        foreach (var (key, _) in db)
        {
            files.Remove(key);
        }

        using var archive = new MemoryStream();
        using (var gzip = new GZipStream(archive, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (key, data) in db)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, "db/" + key["charts/db/".Length..]) { DataStream = new MemoryStream(data) };
                tar.WriteEntry(entry);
            }
        }

        files["charts/db-0.2.0.tgz"] = archive.ToArray();
        StringAssert.Contains(Render(files), "# Source: app/charts/primary/templates/db.yaml");
    }
}
