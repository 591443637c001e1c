using WellTrack.Templating.Charts;
using WellTrack.Templating.Execution;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>Templates cannot exhaust the machine or reach outside the chart; each limit is a coded error.</summary>
[TestClass]
public sealed class SafetyTests
{
    [TestMethod]
    public void OutputBeyondTheLimitIsWT4010()
    {
        var options = new RenderOptions { Limits = RenderLimits.Default with { MaxOutputChars = 1000 } };
        var result = TestCharts.Render("a: {{ repeat 2000 \"x\" }}\n", options);
        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual("WT4010", result.Diagnostics.Single().Code);
        StringAssert.Contains(result.Error, "rendered output exceeds the limit of 1000 characters");
    }

    [TestMethod]
    public void RangeIterationsBeyondTheLimitAreWT4011()
    {
        var options = new RenderOptions { Limits = RenderLimits.Default with { MaxRangeIterations = 50 } };
        var result = TestCharts.Render("{{ range until 100 }}{{ end }}a: 1\n", options);
        Assert.AreEqual("WT4011", result.Diagnostics.Single().Code);
        StringAssert.Contains(result.Error, "t/templates/t.yaml:1:9: executing \"t/templates/t.yaml\" at <{{range until 100}}{{end}}>: range iterations exceed the limit of 50");
    }

    [TestMethod]
    public void NestingBeyondTheLimitIsWT4012()
    {
        var options = new RenderOptions { Limits = RenderLimits.Default with { MaxNestingDepth = 10 } };
        var result = TestCharts.Render("a: {{ include \"loop\" . }}\n", options, ("templates/_l.tpl", "{{ define \"loop\" }}{{ include \"loop\" . }}{{ end }}"));
        Assert.AreEqual("WT4012", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void TemplateRecursionOnTheCallersThreadNeverOverflowsTheStack()
    {
        // PreparedChart.Render runs on the calling thread; its stack budget ends runaway recursion with WT4012.
        var chart = PreparedChart.Prepare(LoadedChart.FromFiles("t", TestCharts.Files(
            ("templates/t.yaml", "a: {{ template \"loop\" . }}\n"),
            ("templates/_l.tpl", "{{ define \"loop\" }}{{ template \"loop\" . }}{{ end }}"))));
        var result = chart.Render(new RenderOptions());
        Assert.AreEqual("WT4012", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void EnvironmentFunctionsAreNotDefined()
    {
        var result = TestCharts.Render("a: {{ env \"HOME\" }}{{ expandenv \"$HOME\" }}\n");
        Assert.AreEqual("WT4001", result.Diagnostics.Single().Code);
        StringAssert.Contains(result.Error, "function \"env\" not defined");
    }

    [TestMethod]
    public void FilesCannotReachOutsideTheChart()
    {
        var result = TestCharts.Render("a: {{ .Files.Get \"../../etc/passwd\" | quote }}\nb: {{ .Files.Get \"/etc/passwd\" | quote }}\n");
        Assert.IsTrue(result.Succeeded, result.Error);
        StringAssert.Contains(result.ToHelmOutput(), "a: \"\"\nb: \"\"");
    }

    [TestMethod]
    public void SymbolicLinksOutOfTheChartAreNotRead()
    {
        var dir = Directory.CreateTempSubdirectory("wt-chart-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "templates"));
            File.WriteAllText(Path.Combine(dir.FullName, "Chart.yaml"), "apiVersion: v2\nname: t\nversion: 0.1.0\n");
            File.WriteAllText(Path.Combine(dir.FullName, "templates", "t.yaml"), "a: {{ .Files.Get \"outside\" | quote }}\n");
            var secret = Path.Combine(Path.GetTempPath(), "wt-outside-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(secret, "secret");
            File.CreateSymbolicLink(Path.Combine(dir.FullName, "outside"), secret);
            var result = ChartRenderer.Render(dir.FullName);
            File.Delete(secret);
            Assert.IsTrue(result.Succeeded, result.Error);
            StringAssert.Contains(result.ToHelmOutput(), "a: \"\"");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void LookupAndDnsAreOffline()
    {
        var result = TestCharts.Render("a: {{ lookup \"v1\" \"Secret\" \"ns\" \"n\" | len }}\nb: \"{{ getHostByName \"example.com\" }}\"\n");
        StringAssert.Contains(result.ToHelmOutput(), "a: 0\nb: \"\"");
    }

    [TestMethod]
    public void DeterministicEnvironmentMakesTimeAndRandomRepeatable()
    {
        const string template = "a: {{ now | date \"2006-01-02T15:04:05\" }}\nb: {{ uuidv4 }}\nc: {{ randAlphaNum 12 }}\n";
        RenderResult Once() => TestCharts.Render(template, new RenderOptions
        {
            Environment = RenderEnvironment.Deterministic(new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero), 7),
        });
        var first = Once().ToHelmOutput();
        Assert.AreEqual(first, Once().ToHelmOutput());
        StringAssert.Contains(first, "a: 2030-05-06T07:08:09");
    }
}
