using System.Text.Json;
using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

[TestClass]
public sealed class ValidateCommandTests
{
    private static string Charts => Path.Combine(RepositoryPaths.Root(typeof(ValidateCommandTests).Assembly), "charts");

    [TestMethod]
    public void TheWellTrackChartsHaveNoFindingsInStrictMode()
    {
        var (code, output, error) = CliRunner.Run(Charts, "validate", Charts, "--strict");

        Assert.AreEqual(0, code, output + error);
        Assert.AreEqual(string.Empty, output);
        StringAssert.Contains(error, "3 chart(s)");
    }

    [TestMethod]
    public void ABrokenChartIsReportedAtTheTemplateLineWithExitCodeOne()
    {
        using var chart = BrokenBackend(out var line);

        var (code, output, _) = CliRunner.Run(chart.Path, "validate", Path.Combine(chart.Path, "welltrack-backend"));

        Assert.AreEqual(1, code);
        StringAssert.Contains(output, $"welltrack-backend/templates/deployment.yaml({line},7): error WT3109");
    }

    [TestMethod]
    public void JsonOutputCarriesCodeSeverityFileLineAndColumn()
    {
        using var chart = BrokenBackend(out var line);

        var (_, output, _) = CliRunner.Run(chart.Path, "validate", Path.Combine(chart.Path, "welltrack-backend"), "--format", "json");

        using var json = JsonDocument.Parse(output);
        var finding = json.RootElement.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "WT3109");
        Assert.AreEqual("error", finding.GetProperty("severity").GetString());
        StringAssert.EndsWith(finding.GetProperty("file").GetString(), "welltrack-backend/templates/deployment.yaml");
        Assert.AreEqual(line, finding.GetProperty("line").GetInt32());
        Assert.AreEqual(7, finding.GetProperty("column").GetInt32());
        StringAssert.Contains(finding.GetProperty("message").GetString(), "containerz");
    }

    [TestMethod]
    public void SarifOutputHasTheShapeOfSarif210()
    {
        using var chart = BrokenBackend(out var line);

        var (_, output, _) = CliRunner.Run(chart.Path, "validate", Path.Combine(chart.Path, "welltrack-backend"), "--format", "sarif");

        using var sarif = JsonDocument.Parse(output);
        var root = sarif.RootElement;
        Assert.AreEqual("2.1.0", root.GetProperty("version").GetString());
        StringAssert.Contains(root.GetProperty("$schema").GetString(), "sarif-2.1.0");
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        CollectionAssert.Contains(rules, "WT3109");
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "WT3109");
        Assert.AreEqual("error", result.GetProperty("level").GetString());
        Assert.AreEqual(rules.IndexOf("WT3109"), result.GetProperty("ruleIndex").GetInt32());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        StringAssert.EndsWith(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), "welltrack-backend/templates/deployment.yaml");
        Assert.AreEqual(line, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.AreEqual(7, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.IsFalse(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
    }

    [TestMethod]
    public void UnknownFormatIsAUsageError()
    {
        var (code, _, error) = CliRunner.Run(Charts, "validate", Charts, "--format", "xml");

        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "error WT9011: --format must be text, json or sarif, not 'xml'.");
    }

    [TestMethod]
    public void AKubernetesVersionThatIsNotMajorMinorIsAUsageError()
    {
        var (code, _, error) = CliRunner.Run(Charts, "validate", Charts, "--kube-version", "latest");

        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "error WT9010: --kube-version must read like 1.30 (MAJOR.MINOR), not 'latest'.");
    }

    // A copy of the backend chart whose pod spec misspells 'containers' on the line returned.
    private static TemporaryDirectory BrokenBackend(out int line)
    {
        var directory = new TemporaryDirectory();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Charts, "welltrack-backend"), "*", SearchOption.AllDirectories))
        {
            var target = directory.Combine("welltrack-backend", Path.GetRelativePath(Path.Combine(Charts, "welltrack-backend"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var deployment = directory.Combine("welltrack-backend", "templates", "deployment.yaml");
        var lines = File.ReadAllLines(deployment);
        line = Array.FindIndex(lines, l => l.TrimStart() == "containers:") + 1;
        lines[line - 1] = lines[line - 1].Replace("containers:", "containerz:");
        File.WriteAllLines(deployment, lines);
        return directory;
    }
}
