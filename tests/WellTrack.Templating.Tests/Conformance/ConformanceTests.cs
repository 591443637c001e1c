using WellTrack.Templating.Charts;
using WellTrack.Templating.Execution;

namespace WellTrack.Templating.Tests.Conformance;

/// <summary>
/// Byte-for-byte comparison with the oracle (Go text/template + Sprig, as `helm template` renders), one named
/// test per case. Goldens are produced by eng/regenerate-goldens.sh; these tests do not need Go.
/// </summary>
[TestClass]
public sealed class ConformanceTests
{
    private static readonly RenderEnvironment FixedEnvironment = RenderEnvironment.Deterministic(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), 42);

    public static IEnumerable<object[]> SnippetCases => ConformanceCases.Snippets();

    public static IEnumerable<object[]> ChartCases => ConformanceCases.Charts();

    public static string SnippetName(System.Reflection.MethodInfo _, object[] data) => $"{data[0]}/{data[1]}";

    public static string ChartName(System.Reflection.MethodInfo _, object[] data) => $"chart/{data[0]}";

    [TestMethod]
    [DynamicData(nameof(SnippetCases), DynamicDataDisplayName = nameof(SnippetName))]
    public void Snippet(string group, string name)
    {
        var snippet = ConformanceCases.FindSnippet(group, name);
        var expected = ConformanceCases.SnippetGolden(group, name)
            ?? throw new AssertFailedException($"no golden for {group}/{name}: run eng/regenerate-goldens.sh");
        var result = ChartRenderer.RenderFiles("c", snippet.ChartFiles(), new RenderOptions { SetValues = snippet.Sets, Environment = FixedEnvironment });
        var actual = ExpectedResult.From(result);
        Dump($"{group}__{name}", expected, actual);
        AssertSame(expected, actual);
    }

    [TestMethod]
    [DynamicData(nameof(ChartCases), DynamicDataDisplayName = nameof(ChartName))]
    public void Chart(string name)
    {
        var caseDir = Path.Combine(ConformanceCases.Root, "Charts", name);
        var expected = ExpectedResult.Read(Path.Combine(caseDir, "expected.json"));
        var argsFile = Path.Combine(caseDir, "args");
        var args = File.Exists(argsFile) ? File.ReadAllLines(argsFile).Where(l => l.Length > 0).ToList() : [];
        args.Add(Path.Combine(caseDir, "chart"));
        var commandLine = HelmTemplateCommandLine.Parse(args, out var error) ?? throw new AssertFailedException(error ?? "bad arguments");
        var options = commandLine.Options with
        {
            ValueFiles = commandLine.Options.ValueFiles.Select(f => Path.Combine(caseDir, f)).ToList(),
            Environment = FixedEnvironment,
        };
        var actual = ExpectedResult.From(ChartRenderer.Render(commandLine.ChartDirectory, options));
        Dump("chart__" + name, expected, actual with { Stderr = actual.Stderr.Replace(caseDir + "/", string.Empty, StringComparison.Ordinal) });
        AssertSame(expected, actual with { Stderr = actual.Stderr.Replace(caseDir + "/", string.Empty, StringComparison.Ordinal) });
    }

    /// <summary>With WELLTRACK_CONFORMANCE_DUMP set, writes differing results there for side-by-side review.</summary>
    private static void Dump(string id, ExpectedResult expected, ExpectedResult actual)
    {
        var dir = Environment.GetEnvironmentVariable("WELLTRACK_CONFORMANCE_DUMP");
        if (string.IsNullOrEmpty(dir) || expected == actual)
        {
            return;
        }

        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, id + ".txt"), $"EXPECTED exit {expected.Exit}\n{expected.Stdout}{expected.Stderr}\nACTUAL exit {actual.Exit}\n{actual.Stdout}{actual.Stderr}");
    }

    private static void AssertSame(ExpectedResult expected, ExpectedResult actual)
    {
        Assert.AreEqual(expected.Stderr, actual.Stderr, "stderr");
        Assert.AreEqual(expected.Stdout, actual.Stdout, "stdout");
        Assert.AreEqual(expected.Exit, actual.Exit, "exit code");
    }
}
