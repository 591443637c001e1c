using WellTrack.Core.Dependencies;
using WellTrack.Core.Validation;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Tests.Dependencies;

/// <summary>
/// The umbrella fixture resolved from a real classic repository on 127.0.0.1: what is chosen, that fetched and
/// vendored dependencies render the same, that a warm or offline run needs no network, and that validation uses it.
/// </summary>
[TestClass]
public sealed class RepositoryResolutionTests
{
    [TestMethod]
    public void TheConstraintsPickTheNewestStableVersionsInRange()
    {
        using var repository = new ChartRepositoryFixture();
        var resolution = new ChartDependencyResolver(repository.Options()).Resolve(LoadedChart.Load(repository.ChartDirectory), ResolutionMode.Missing);

        Assert.IsTrue(resolution.Succeeded, Describe(resolution));
        CollectionAssert.AreEqual(new[] { "common 1.2.0", "cache 2.1.3" }, resolution.Resolved.Select(r => r.Locked.Name + " " + r.Locked.Version).ToArray());
        Assert.AreEqual(repository.RepositoryUrl, resolution.Lock!.Dependencies[0].Repository, "@fixtures is recorded as its URL, as Helm records it");
    }

    [TestMethod]
    public void FetchedAndVendoredDependenciesRenderIdentically()
    {
        using var repository = new ChartRepositoryFixture();
        var resolver = new ChartDependencyResolver(repository.Options());
        var before = ChartRepositoryFixture.Snapshot(repository.ChartDirectory);

        var fetched = Render(repository.ChartDirectory, resolver);
        Assert.AreEqual(before.Count, ChartRepositoryFixture.Snapshot(repository.ChartDirectory).Count, "resolution writes nothing into the chart");

        var problems = DependencyVendoring.Run(repository.ChartDirectory, new ChartDependencyResolver(repository.Options()), ResolutionMode.Build);
        Assert.IsEmpty(problems, string.Join("\n", problems));
        CollectionAssert.AreEquivalent(new[] { "cache-2.1.3.tgz", "common-1.2.0.tgz" }, Directory.GetFiles(Path.Combine(repository.ChartDirectory, "charts")).Select(Path.GetFileName).ToArray());
        var vendored = Render(repository.ChartDirectory, resolver: null);

        Assert.AreEqual(Manifests(vendored), Manifests(fetched));
        StringAssert.Contains(Manifests(fetched), "name: release-name-sessions", "the aliased dependency renders under its alias");
        StringAssert.Contains(Manifests(fetched), "helm.sh/chart: umbrella-0.3.0", "the library's templates render in the umbrella's context");
    }

    [TestMethod]
    public void AFalseConditionLeavesTheAliasedDependencyOut()
    {
        using var repository = new ChartRepositoryFixture();
        var values = Path.Combine(repository.ChartDirectory, "..", "off.yaml");
        File.WriteAllText(values, "sessions:\n  enabled: false\n");

        var result = ChartRenderer.Render(repository.ChartDirectory, new RenderOptions { ValueFiles = [values], ResolveDependencies = new ChartDependencyResolver(repository.Options()).Complete });

        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.IsFalse(result.Manifests.Any(m => m.Content.Contains("kind: Service", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AWarmResolutionFromChartLockAsksTheRepositoryNothing()
    {
        using var repository = new ChartRepositoryFixture();
        Assert.IsEmpty(DependencyVendoring.Run(repository.ChartDirectory, new ChartDependencyResolver(repository.Options()), ResolutionMode.Update));
        Directory.Delete(Path.Combine(repository.ChartDirectory, "charts"), recursive: true);
        var asked = repository.Server.Requests.Count;

        var warm = new ChartDependencyResolver(repository.Options()).Resolve(LoadedChart.Load(repository.ChartDirectory), ResolutionMode.Missing);

        Assert.IsTrue(warm.Succeeded, Describe(warm));
        Assert.HasCount(2, warm.Resolved);
        Assert.AreEqual(asked, repository.Server.Requests.Count, string.Join(", ", repository.Server.Requests.Skip(asked)));
    }

    [TestMethod]
    public void TheSecondRunWorksOfflineWithTheRepositoryGone()
    {
        using var repository = new ChartRepositoryFixture();
        var online = Render(repository.ChartDirectory, new ChartDependencyResolver(repository.Options()));
        repository.Server.Dispose();

        var offline = Render(repository.ChartDirectory, new ChartDependencyResolver(repository.Options(offline: true)));

        Assert.AreEqual(Manifests(online), Manifests(offline));
    }

    [TestMethod]
    public void OfflineWithAnEmptyCacheNamesWhatIsMissing()
    {
        using var repository = new ChartRepositoryFixture();

        var resolution = new ChartDependencyResolver(repository.Options(offline: true)).Resolve(LoadedChart.Load(repository.ChartDirectory), ResolutionMode.Missing);

        CollectionAssert.AreEqual(new[] { "WT3412 common", "WT3412 cache" }, resolution.Problems.Select(p => p.Diagnostic.Code + " " + p.Dependency).ToArray());
        StringAssert.Contains(resolution.Problems[0].Diagnostic.Message, repository.RepositoryUrl);
        Assert.IsEmpty(repository.Server.Requests);
    }

    [TestMethod]
    public void BasicAuthenticationUsesTheVariablesWelltrackYamlNames()
    {
        using var repository = new ChartRepositoryFixture(basicAuth: "ci:s3cret-for-tests");

        var resolution = new ChartDependencyResolver(repository.Options()).Resolve(LoadedChart.Load(repository.ChartDirectory), ResolutionMode.Missing);
        var refused = new ChartDependencyResolver(repository.Options() with { CacheDirectory = repository.CacheDirectory + "-other", Environment = _ => null })
            .Resolve(LoadedChart.Load(repository.ChartDirectory), ResolutionMode.Missing);

        Assert.IsTrue(resolution.Succeeded, Describe(resolution));
        Assert.AreEqual("WT3405", refused.Problems[0].Diagnostic.Code);
        Assert.IsFalse(Describe(refused).Contains("s3cret", StringComparison.Ordinal), "credentials never appear in a message");
    }

    [TestMethod]
    public void ValidationResolvesInsteadOfReportingWT3012()
    {
        using var repository = new ChartRepositoryFixture();
        var settings = ValidationSettings.Default with { Dependencies = new ChartDependencyResolver(repository.Options()), BaseDirectory = repository.ChartDirectory };

        var resolved = ChartValidator.Validate(repository.ChartDirectory, settings, new HelmChartRenderer());
        var unresolved = ChartValidator.Validate(repository.ChartDirectory, settings with { Dependencies = null }, new HelmChartRenderer());

        Assert.IsFalse(resolved.Diagnostics.Any(d => d.IsError), string.Join("\n", resolved.Diagnostics));
        Assert.IsTrue(unresolved.Diagnostics.Any(d => d.Code == "WT3012"), string.Join("\n", unresolved.Diagnostics));
    }

    internal static string Describe(DependencyResolution resolution) => string.Join("\n", resolution.Problems.Select(p => p.Diagnostic.ToString()));

    private static RenderResult Render(string chart, ChartDependencyResolver? resolver)
    {
        var result = ChartRenderer.Render(chart, new RenderOptions { ResolveDependencies = resolver is null ? null : resolver.Complete });
        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static string Manifests(RenderResult result) => result.ToHelmOutput();
}
