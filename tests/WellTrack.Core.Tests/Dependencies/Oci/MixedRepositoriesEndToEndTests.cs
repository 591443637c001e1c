using WellTrack.Core.Dependencies;
using WellTrack.Templating.Charts;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies.Oci;

/// <summary>
/// The umbrella fixture with one dependency from each kind of repository: the library from the classic repository
/// (static files on 127.0.0.1) and the aliased, conditional cache from Debian's docker-registry, pushed as
/// <c>helm push</c> does with a <c>+</c> in its version. Fetched, then offline with both servers stopped, then vendored:
/// all three render the same, and resolving writes nothing into the chart.
/// </summary>
[TestClass]
public sealed class MixedRepositoriesEndToEndTests
{
    private const string OciVersion = "2.1.5+build.9";

    [TestMethod]
    public async Task AnHttpAndAnOciDependencyRenderTheSameFetchedOfflineAndVendoredAndLeaveTheChartUntouched()
    {
        using var repository = new ChartRepositoryFixture();
        using var storage = new TemporaryDirectory("welltrack-oci-");
        var registry = await OciRegistry.StartAsync(storage.Path);
        try
        {
            foreach (var version in new[] { "2.1.3", OciVersion, "2.2.0" })
            {
                var files = ChartRepositoryFixture.WithVersion(ChartRepositoryFixture.FixtureFiles("cache"), version);
                await HelmOciPush.PushAsync(registry.Address, "charts", "cache", version, ChartPackager.Pack("cache", files));
            }

            var chartYaml = Path.Combine(repository.ChartDirectory, "Chart.yaml");
            var declared = File.ReadAllText(chartYaml);
            var cacheEntry = declared.IndexOf("- name: cache", StringComparison.Ordinal);
            File.WriteAllText(chartYaml, declared[..cacheEntry]
                + declared[cacheEntry..].Replace("repository: \"@fixtures\"", $"repository: oci://{registry.Address}/charts", StringComparison.Ordinal));
            var before = ChartRepositoryFixture.Snapshot(repository.ChartDirectory);

            var fetched = Render(repository.ChartDirectory, new ChartDependencyResolver(repository.Options()));

            CollectionAssert.AreEqual(before, ChartRepositoryFixture.Snapshot(repository.ChartDirectory), "resolution writes nothing into the chart (no charts/, no Chart.lock)");
            CollectionAssert.Contains(repository.Server.Requests.ToList(), "charts/index.yaml", "the library came from the classic repository");
            StringAssert.Contains(fetched, "name: release-name-sessions", "the aliased OCI dependency renders under its alias");
            StringAssert.Contains(fetched, "helm.sh/chart: umbrella-0.3.0", "the library's templates render in the umbrella's context");

            repository.Server.Dispose();
            await registry.DisposeAsync();
            var offline = Render(repository.ChartDirectory, new ChartDependencyResolver(repository.Options(offline: true)));
            Assert.AreEqual(fetched, offline, "the second resolution, offline, works from the cache");

            var problems = DependencyVendoring.Run(repository.ChartDirectory, new ChartDependencyResolver(repository.Options(offline: true)), ResolutionMode.Build);
            Assert.IsEmpty(problems, string.Join("\n", problems));
            CollectionAssert.AreEquivalent(new[] { $"cache-{OciVersion}.tgz", "common-1.2.0.tgz" },
                Directory.GetFiles(Path.Combine(repository.ChartDirectory, "charts")).Select(Path.GetFileName).ToArray());
            var chartLock = File.ReadAllText(Path.Combine(repository.ChartDirectory, ChartLock.FileName));
            StringAssert.Contains(chartLock, $"oci://{registry.Address}/charts");
            StringAssert.Contains(chartLock, OciVersion);
            Assert.AreEqual(fetched, Render(repository.ChartDirectory, resolver: null), "vendored renders as fetched");
        }
        finally
        {
            await registry.DisposeAsync();
        }
    }

    private static string Render(string chart, ChartDependencyResolver? resolver)
    {
        var result = ChartRenderer.Render(chart, new RenderOptions { ResolveDependencies = resolver is null ? null : resolver.Complete });
        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.ToHelmOutput();
    }
}
