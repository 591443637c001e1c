using System.Text;
using WellTrack.Core.Dependencies;
using WellTrack.Diagnostics;
using WellTrack.Templating.Charts;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies;

/// <summary>Which version a constraint picks (Masterminds semver as Helm: newest satisfying, pre-releases only when asked).</summary>
[TestClass]
public sealed class ConstraintSelectionTests
{
    private static readonly string[] Offered = ["0.9.0", "1.0.0", "1.2.0", "1.2.1-beta.1", "1.3.0-rc.1", "2.0.0", "not-a-version"];

    [TestMethod]
    [DataRow("^1.0.0", "1.2.0")]
    [DataRow("~1.2.0", "1.2.0")]
    [DataRow(">=1.0.0 <2.0.0", "1.2.0")]
    [DataRow("1.x", "1.2.0")]
    [DataRow("*", "2.0.0")]
    [DataRow("", "2.0.0")]
    [DataRow("1.0.0", "1.0.0")]
    [DataRow("~1.3.0-0", "1.3.0-rc.1")]
    [DataRow("~1.2.1-0", "1.2.1-beta.1")]
    [DataRow("<1.0.0 || >=2.0.0", "2.0.0")]
    public void TheNewestSatisfyingVersionIsChosen(string constraint, string expected)
    {
        using var temp = new TemporaryDirectory();
        var resolution = Resolve(temp, constraint);

        Assert.IsTrue(resolution.Succeeded, string.Join("\n", resolution.Problems.Select(p => p.Diagnostic.Message)));
        Assert.AreEqual(expected, resolution.Resolved.Single().Locked.Version);
        Assert.AreEqual(expected, resolution.Resolved.Single().Chart.Metadata.Version);
    }

    [TestMethod]
    [DataRow("^3.0.0", "WT3409")]
    [DataRow("~1.4.0", "WT3409")]
    [DataRow(">=1.3.0-0 <2.0.0", "WT3409")] // each comparator refuses a pre-release unless it names one itself
    [DataRow("not a range", "WT3411")]
    public void NoSatisfyingVersionIsACodedError(string constraint, string code)
    {
        using var temp = new TemporaryDirectory();
        var resolution = Resolve(temp, constraint);

        var problem = resolution.Problems.Single();
        Assert.AreEqual(code, problem.Diagnostic.Code);
        Assert.AreEqual("lib", problem.Dependency);
        StringAssert.Contains(problem.Diagnostic.Message, "fake://charts");
        Assert.IsEmpty(resolution.Resolved);
        Assert.IsNull(resolution.Lock);
    }

    private static DependencyResolution Resolve(TemporaryDirectory temp, string constraint)
    {
        var chart = Path.Combine(temp.Path, "app");
        Directory.CreateDirectory(chart);
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), $"apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: lib\n    version: \"{constraint}\"\n    repository: fake://charts\n");
        var sources = new ChartSources().With("fake", (_, _) => new FakeChartSource(Offered));
        var resolver = new ChartDependencyResolver(new DependencyOptions { CacheDirectory = temp.Combine("cache") }, sources);
        return resolver.Resolve(LoadedChart.Load(chart), ResolutionMode.Update);
    }

    /// <summary>A source in memory offering library charts named <c>lib</c> in the given versions.</summary>
    private sealed class FakeChartSource(IEnumerable<string> versions) : IChartSource
    {
        public Task<IReadOnlyList<ChartSourceEntry>> VersionsAsync(string name, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyList<ChartSourceEntry>>(versions.Select(v => new ChartSourceEntry(name, v, null, new Uri($"fake://charts/{name}-{v}.tgz"))).ToList());

        public Task<byte[]> DownloadAsync(ChartSourceEntry entry, CancellationToken cancellationToken)
            => Task.FromResult(ChartPackager.Pack(entry.Name, new Dictionary<string, byte[]>
            {
                ["Chart.yaml"] = Encoding.UTF8.GetBytes($"apiVersion: v2\nname: {entry.Name}\nversion: {entry.Version}\ntype: library\n"),
            }));
    }
}
