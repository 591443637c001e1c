using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary>
/// <c>welltrack dependency build|update</c> against a classic repository on 127.0.0.1 (charts/*.tgz and Chart.lock
/// written as Helm writes them, nothing written when a dependency does not resolve), and <c>validate --offline</c>
/// with an empty cache.
/// </summary>
[TestClass]
public sealed class DependencyCommandTests
{
    [TestMethod]
    public void BuildWritesTheArchiveAndChartLockThenUpdateMovesToTheNewConstraint()
    {
        using var temp = new TemporaryDirectory("welltrack-cli-deps-");
        var archives = HelmRepositoryIndexFile.PublishMinimalCharts(temp.CreateDirectory("repository"), "web", "1.2.0", "1.3.0");
        using var server = new StaticFileServer(temp.Combine("repository"));
        var chart = WriteChart(temp.Combine("app"), ("web", "~1.2.0", server.Url()));
        var cache = temp.Combine("cache");

        var build = CliRunner.RunWithCache(cache, chart, "dependency", "build", chart);

        Assert.AreEqual(0, build.ExitCode, build.Output + build.Error);
        CollectionAssert.AreEqual(archives["1.2.0"], File.ReadAllBytes(Path.Combine(chart, "charts", "web-1.2.0.tgz")));
        StringAssert.Contains(ChartLock(chart), "version: 1.2.0");
        CollectionAssert.AreEquivalent(new[] { "Chart.lock", "Chart.yaml", "charts/web-1.2.0.tgz", "templates/configmap.yaml", "values.yaml" }, Files(chart), "no temporary file left behind");

        WriteChart(chart, ("web", "~1.3.0", server.Url()));
        var update = CliRunner.RunWithCache(cache, chart, "dependency", "update", chart);

        Assert.AreEqual(0, update.ExitCode, update.Output + update.Error);
        CollectionAssert.AreEquivalent(new[] { "Chart.lock", "Chart.yaml", "charts/web-1.3.0.tgz", "templates/configmap.yaml", "values.yaml" }, Files(chart), "the replaced archive is deleted, as Helm does");
        StringAssert.Contains(ChartLock(chart), "version: 1.3.0");
    }

    [TestMethod]
    public void NothingIsWrittenWhenOneDependencyDoesNotResolve()
    {
        using var temp = new TemporaryDirectory("welltrack-cli-deps-");
        HelmRepositoryIndexFile.PublishMinimalCharts(temp.CreateDirectory("repository"), "web", "1.2.0");
        using var server = new StaticFileServer(temp.Combine("repository"));
        var chart = WriteChart(temp.Combine("app"), ("web", "~1.2.0", server.Url()), ("web", "^9.0.0", server.Url()));
        var before = Files(chart);

        var (code, output, error) = CliRunner.RunWithCache(temp.Combine("cache"), chart, "dependency", "update", chart);

        Assert.AreEqual(1, code, output + error);
        StringAssert.Contains(error, "error WT34");
        StringAssert.Contains(error, "^9.0.0");
        CollectionAssert.AreEquivalent(before, Files(chart), "no charts/ and no Chart.lock: every dependency or none");
    }

    [TestMethod]
    public void ValidateOfflineWithAnEmptyCacheNamesTheMissingDependencyAndExitsOne()
    {
        using var temp = new TemporaryDirectory("welltrack-cli-deps-");
        var repository = $"http://127.0.0.1:{FreeTcpPort.Find()}/";
        var chart = WriteChart(temp.Combine("app"), ("web", "~1.2.0", repository));

        var (code, output, error) = CliRunner.RunWithCache(temp.Combine("empty-cache"), chart, "validate", chart, "--offline");

        Assert.AreEqual(1, code, output + error);
        StringAssert.Contains(output, "error WT3412");
        StringAssert.Contains(output, "'web' ~1.2.0");
        StringAssert.Contains(output, repository);
        Assert.IsFalse(Directory.Exists(Path.Combine(chart, "charts")), "validate writes nothing into the chart");
    }

    /// <summary>A chart (the minimal test chart, as app 0.1.0) whose Chart.yaml declares <paramref name="dependencies"/>.</summary>
    private static string WriteChart(string directory, params (string Name, string Version, string Repository)[] dependencies)
    {
        var files = HelmChartArchive.MinimalChart("app", "0.1.0").ToDictionary(f => f.Key, f => f.Value);
        files["Chart.yaml"] += "\ndependencies:\n" + string.Concat(dependencies.Select((d, i) =>
            $"- name: {d.Name}\n  alias: {d.Name}{i}\n  version: \"{d.Version}\"\n  repository: {d.Repository}\n"));
        TestGit.WriteFiles(directory, files);
        return directory;
    }

    private static string ChartLock(string chart) => File.ReadAllText(Path.Combine(chart, "Chart.lock"));

    private static List<string> Files(string directory)
        => [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))];
}
