using System.Text;
using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>
/// Subchart semantics of Helm v3.16 that the oracle does not model, written from Helm's loader and chartutil code:
/// import-values in both forms and their order, dependencies matched by the subchart's Chart.yaml name, duplicate
/// names refused, a missing dependency stopping the render, templates/ optional, and nulls coalesced per level.
/// </summary>
[TestClass]
public sealed class SubchartDependencyTests
{
    private static Dictionary<string, byte[]> Chart(string chartYaml, string parentValues, string parentTemplate, params (string Path, string Text)[] files)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["Chart.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v2\nname: app\nversion: 1.0.0\n" + chartYaml),
            ["values.yaml"] = Encoding.UTF8.GetBytes(parentValues),
            ["templates/t.yaml"] = Encoding.UTF8.GetBytes(parentTemplate),
        };
        foreach (var (path, text) in files)
        {
            result[path] = Encoding.UTF8.GetBytes(text);
        }

        return result;
    }

    private static (string Path, string Text) SubChart(string directory, string name, string version = "0.1.0")
        => ($"charts/{directory}/Chart.yaml", $"apiVersion: v2\nname: {name}\nversion: {version}\n");

    private static string RenderOk(Dictionary<string, byte[]> files, params string[] sets)
    {
        var result = ChartRenderer.RenderFiles("app", files, new RenderOptions { SetValues = sets });
        Assert.IsTrue(result.Succeeded, result.Error);
        return result.ToHelmOutput();
    }

    private static string ParentDocument(string output)
        => output.Split("# Source: app/templates/t.yaml\n")[1].Split("---")[0];

    private const string DbDependency = "dependencies:\n  - name: db\n    version: 0.1.0\n";

    [TestMethod]
    public void ImportValuesStringFormBringsTheChildsExportsTable()
    {
        var files = Chart(DbDependency + "    import-values: [data]\n", "own: 1\n", "port: {{ .Values.port }}\nown: {{ .Values.own }}\n",
            SubChart("db", "db"), ("charts/db/values.yaml", "exports:\n  data:\n    port: 5432\n"));

        Assert.AreEqual("port: 5432\nown: 1\n", ParentDocument(RenderOk(files)));
    }

    [TestMethod]
    public void ImportValuesMapFormPlacesTheChildTableAtTheParentPath()
    {
        var files = Chart(DbDependency + "    import-values:\n      - child: conn.settings\n        parent: database.conn\n", string.Empty,
            "{{ toJson .Values.database }}\n", SubChart("db", "db"), ("charts/db/values.yaml", "conn:\n  settings:\n    host: db\n    port: 5432\n"));

        Assert.AreEqual("{\"conn\":{\"host\":\"db\",\"port\":5432}}\n", ParentDocument(RenderOk(files)));
    }

    [TestMethod]
    public void ParentValuesWinOverImportedOnesAndTheFirstImportWinsOverLaterOnes()
    {
        var files = Chart(DbDependency + "    import-values:\n      - first\n      - second\n", "shared:\n  own: parent\n",
            "{{ toJson .Values.shared }}\n",
            SubChart("db", "db"),
            ("charts/db/values.yaml", "exports:\n  first:\n    shared: {own: child, a: first, b: first}\n  second:\n    shared: {a: second, c: second}\n"));

        Assert.AreEqual("{\"a\":\"first\",\"b\":\"first\",\"c\":\"second\",\"own\":\"parent\"}\n", ParentDocument(RenderOk(files)));
    }

    [TestMethod]
    public void ImportValuesReadTheSectionOfAnAliasedDependency()
    {
        var files = Chart("dependencies:\n  - name: db\n    version: 0.1.0\n    alias: store\n    import-values:\n      - child: conn\n        parent: conn\n",
            "store:\n  conn:\n    host: set-by-parent\n", "{{ toJson .Values.conn }}\n",
            SubChart("db", "db"), ("charts/db/values.yaml", "conn:\n  host: db\n  port: 1\n"));

        Assert.AreEqual("{\"host\":\"set-by-parent\",\"port\":1}\n", ParentDocument(RenderOk(files)));
    }

    [TestMethod]
    public void OnlyTablesOfEnabledDependenciesAreImported()
    {
        var files = Chart(
            "dependencies:\n  - name: db\n    version: 0.1.0\n    import-values:\n      - child: scalar\n        parent: fromScalar\n      - missing\n  - name: extra\n    version: 0.1.0\n    condition: extra.enabled\n    import-values: [data]\n",
            "extra:\n  enabled: false\n", "imported: {{ toJson (omit .Values \"db\" \"extra\") }}\n",
            SubChart("db", "db"), ("charts/db/values.yaml", "scalar: 1\n"),
            SubChart("extra", "extra"), ("charts/extra/values.yaml", "exports:\n  data:\n    leaked: true\n"));

        Assert.AreEqual("imported: {}\n", ParentDocument(RenderOk(files)));
    }

    [TestMethod]
    public void ImportsRunDeepestFirstSoAGrandchildsExportsReachTheRoot()
    {
        var files = Chart("dependencies:\n  - name: mid\n    version: 0.1.0\n    import-values: [up]\n", string.Empty, "value: {{ .Values.value }}\n",
            ("charts/mid/Chart.yaml", "apiVersion: v2\nname: mid\nversion: 0.1.0\ndependencies:\n  - name: leaf\n    version: 0.1.0\n    import-values:\n      - child: exports.up\n        parent: exports.up\n"),
            ("charts/mid/charts/leaf/Chart.yaml", "apiVersion: v2\nname: leaf\nversion: 0.1.0\n"),
            ("charts/mid/charts/leaf/values.yaml", "exports:\n  up:\n    value: from-leaf\n"));

        Assert.AreEqual("value: from-leaf\n", ParentDocument(RenderOk(files)));
    }

    [TestMethod]
    public void DependenciesMatchTheSubchartsChartYamlNameNotItsDirectory()
    {
        var files = Chart("dependencies:\n  - name: subcharta\n    version: 0.1.0\n", "subcharta:\n  x: 1\n", "parent: true\n",
            SubChart("subchartA", "subcharta"), ("charts/subchartA/templates/s.yaml", "sub: {{ .Values.x }}\n"));

        StringAssert.Contains(RenderOk(files), "# Source: app/charts/subcharta/templates/s.yaml\nsub: 1\n");
    }

    [TestMethod]
    [DataRow("  - name: db\n    version: 0.1.0\n  - name: db\n    version: 0.1.0\n", "validation: more than one dependency with name or alias \"db\"")]
    [DataRow("  - name: db\n    version: 0.1.0\n    alias: x\n  - name: cache\n    version: 0.1.0\n    alias: x\n", "validation: more than one dependency with name or alias \"x\"")]
    [DataRow("  - name: db\n    version: 0.1.0\n  - name: cache\n    version: 0.1.0\n    alias: db\n", "validation: more than one dependency with name or alias \"db\"")]
    [DataRow("  - name: db\n    version: 0.1.0\n    alias: my/db\n", "validation: dependency \"db\" has disallowed characters in the alias")]
    [DataRow("  - name: db\n    version: 0.1.0\n  -\n", "validation: dependencies must not contain empty or null nodes")]
    public void TheLoaderRefusesDuplicateNamesAndBadAliases(string dependencies, string error)
    {
        var files = Chart("dependencies:\n" + dependencies, string.Empty, "a: 1\n", SubChart("db", "db"), SubChart("cache", "cache"));

        var result = ChartRenderer.RenderFiles("app", files, new RenderOptions());

        Assert.AreEqual(error, result.Error);
        Assert.AreEqual("WT4004", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void AMissingDependencyStopsTheRenderAsHelmTemplateDoes()
    {
        // Helm compares Chart.yaml names only: an alias or a directory of that name does not count.
        var files = Chart("dependencies:\n  - name: db\n    version: 0.1.0\n    alias: primary\n  - name: cache\n    version: 0.1.0\n  - name: queue\n    version: 0.1.0\n",
            string.Empty, "a: 1\n", SubChart("cache", "cache"), SubChart("db", "primary"));

        var result = ChartRenderer.RenderFiles("app", files, new RenderOptions());

        Assert.AreEqual(
            "An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: db, queue",
            result.Error);
        Assert.AreEqual("WT4009", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void DependencyHelpersNameMissingAndUndeclaredChartsByChartYamlName()
    {
        var chart = LoadedChart.FromFiles("app", Chart("dependencies:\n  - name: subcharta\n    version: 0.1.0\n  - name: gone\n    version: 0.1.0\n", string.Empty, "a: 1\n",
            SubChart("subchartA", "subcharta"), SubChart("extra", "other")));

        CollectionAssert.AreEqual(new[] { "gone" }, ChartDependencies.Missing(chart).ToArray());
        CollectionAssert.AreEqual(new[] { "other" }, ChartDependencies.Undeclared(chart).Select(c => c.Metadata.Name).ToArray());
    }

    [TestMethod]
    public void RequirementsYamlDeclaresTheDependenciesOfAV1Chart()
    {
        // Helm's loader unmarshals requirements.yaml over the metadata and keeps it among a v1 chart's files.
        var files = Chart(string.Empty, "a: 1\n", "files: {{ .Files.Get \"requirements.yaml\" | len }}\n", SubChart("database", "db"),
            ("requirements.yaml", DbDependency));
        files["Chart.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v1\nname: app\nversion: 1.0.0\n");

        var chart = LoadedChart.FromFiles("app", files);

        Assert.AreEqual("db", chart.Metadata.Dependencies.Single().Name);
        Assert.IsEmpty(ChartDependencies.Missing(chart));
        Assert.IsEmpty(ChartDependencies.Undeclared(chart));
        Assert.Contains($"files: {DbDependency.Length}", RenderOk(files));
    }

    [TestMethod]
    public void RequirementsYamlOfAV2ChartStillDeclaresButIsNotAFile()
    {
        var files = Chart(string.Empty, "a: 1\n", "files: {{ .Files.Get \"requirements.yaml\" | len }}\n", ("requirements.yaml", "dependencies:\n  - name: gone\n    version: 0.1.0\n"));

        Assert.AreEqual("gone", ChartDependencies.Missing(LoadedChart.FromFiles("app", files)).Single());
    }

    [TestMethod]
    public void TemplatesDirectoryIsOptional()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["Chart.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v2\nname: app\nversion: 1.0.0\n" + DbDependency),
            ["charts/db/Chart.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v2\nname: db\nversion: 0.1.0\n"),
            ["charts/db/templates/s.yaml"] = Encoding.UTF8.GetBytes("kind: Sub\n"),
        };

        Assert.AreEqual("---\n# Source: app/charts/db/templates/s.yaml\nkind: Sub\n", RenderOk(files));
    }

    [TestMethod]
    public void NullsInSubchartValuesAreCoalescedAsHelmV316Does()
    {
        var files = Chart(DbDependency, "db:\n  fromParent: p\n  parentNull: null\n", "a: 1\n",
            SubChart("db", "db"),
            ("charts/db/values.yaml", "kept: 1\nuserNull: 2\nparentNull: 3\nfromParent: 4\nnested:\n  a: 1\n  b: 2\n"),
            ("charts/db/templates/s.yaml", "{{ toJson (omit .Values \"global\") }}\n"));

        var output = RenderOk(files, "db.userNull=null", "db.undefined=null", "db.nested.a=null", "db.fromParent=null");

        // Helm v3.16: a parent's values.yaml null removes the subchart's default, and a null for a key no chart
        // defines stays. A user null cannot remove a subchart default once the parent declares dependencies: the
        // import-values pass has already merged the subchart's defaults into the parent's values, so the parent's
        // pass deletes the null and the subchart's pass puts the default back (fixed only in Helm v4, PR 12879).
        StringAssert.Contains(output, "{\"fromParent\":4,\"kept\":1,\"nested\":{\"a\":1,\"b\":2},\"undefined\":null,\"userNull\":2}\n");
    }
}
