using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using WellTrack.Core.Dependencies;
using WellTrack.Templating.Charts;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies;

/// <summary>
/// Every bad input of issue 15 from a real repository on 127.0.0.1: each a coded error naming the repository and the
/// dependency, and neither the cache nor the chart's directory changed afterwards.
/// </summary>
[TestClass]
public sealed class BadInputTests
{
    private static readonly byte[] CacheChart = Encoding.UTF8.GetBytes("apiVersion: v2\nname: cache\nversion: 2.1.3\n");

    [TestMethod]
    public void ADigestMismatchIsRefused()
        => AssertRefused("WT3410", r => r.PublishArchive("cache", "2.1.3", ChartPackager.Pack("cache", ChartRepositoryFixture.FixtureFiles("cache")), statedDigest: string.Concat(Enumerable.Repeat("deadbeef", 8))));

    [TestMethod]
    public void APathLeavingTheChartIsRefused()
        => AssertRefused("WT3414", r => r.PublishArchive("cache", "2.1.3", Tgz(("cache/Chart.yaml", CacheChart), ("cache/../../evil.yaml", "x"u8.ToArray()))));

    [TestMethod]
    public void AnAbsolutePathIsRefused()
        => AssertRefused("WT3414", r => r.PublishArchive("cache", "2.1.3", Tgz(("cache/Chart.yaml", CacheChart), ("/etc/cron.d/evil", "x"u8.ToArray()))));

    [TestMethod]
    public void ASymbolicLinkIsRefused()
        => AssertRefused("WT3415", r => r.PublishArchive("cache", "2.1.3", Tgz(("cache/Chart.yaml", CacheChart), ("cache/templates/passwd.yaml", null))));

    [TestMethod]
    public void ADecompressionBombIsRefused()
        => AssertRefused("WT3417", r => r.PublishArchive("cache", "2.1.3", Tgz(("cache/Chart.yaml", CacheChart), ("cache/files/zeros.bin", new byte[6 * 1024 * 1024]))));

    [TestMethod]
    public void AnArchiveAboveTheSizeLimitIsRefused()
        => AssertRefused("WT3416", _ => { }, options => options with { Limits = options.Limits with { MaxArchiveBytes = 200 } }, dependency: "common");

    [TestMethod]
    public void ACorruptGzipIsRefused()
        => AssertRefused("WT3413", r => r.PublishArchive("cache", "2.1.3", [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]));

    [TestMethod]
    public void ACorruptTarIsRefused()
        => AssertRefused("WT3413", r => r.PublishArchive("cache", "2.1.3", Gzip(Encoding.ASCII.GetBytes(new string('x', 700)))));

    [TestMethod]
    public void AnotherChartUnderTheAskedNameIsRefused()
        => AssertRefused("WT3418", r => r.PublishArchive("cache", "2.1.3", ChartPackager.Pack("cache", ChartRepositoryFixture.WithVersion(ChartRepositoryFixture.FixtureFiles("cache"), "2.1.2"))));

    [TestMethod]
    public void AMissingIndexIs404()
        => AssertRefused("WT3406", r => File.Delete(Path.Combine(r.RepositoryDirectory, "charts", "index.yaml")), dependency: "common");

    [TestMethod]
    public void AMissingArchiveIs404()
        => AssertRefused("WT3406", r => File.Delete(Path.Combine(r.RepositoryDirectory, "charts", "cache-2.1.3.tgz")));

    [TestMethod]
    public void AMalformedIndexIsRefused()
        => AssertRefused("WT3407", r => File.WriteAllText(Path.Combine(r.RepositoryDirectory, "charts", "index.yaml"), "apiVersion: v1\nentries:\n  common: {broken\n"), dependency: "common");

    [TestMethod]
    public void AChartTheRepositoryLacksIsNamed()
        => AssertRefused("WT3408", r => EditChart(r, "name: cache", "name: kv-store"), dependency: "kv-store");

    [TestMethod]
    public void AnUnsatisfiableConstraintIsNamed()
        => AssertRefused("WT3409", r => EditChart(r, "version: ~2.1.0", "version: ~9.0.0"));

    [TestMethod]
    public void AnUnconfiguredRepositoryNameIsNamed()
        => AssertRefused("WT3401", r => EditChart(r, "alias: sessions\n    version: ~2.1.0\n    repository: \"@fixtures\"", "alias: sessions\n    version: ~2.1.0\n    repository: \"@elsewhere\""));

    [TestMethod]
    public void AnUnreachableRepositoryIsNamed()
        => AssertRefused("WT3403", r => r.Server.Dispose(), dependency: "common");

    [TestMethod]
    public void ASlowRepositoryTimesOut()
        => AssertRefused("WT3404", r => r.Server.Delays["charts/index.yaml"] = TimeSpan.FromSeconds(5), options => options with { Timeout = TimeSpan.FromMilliseconds(300) }, dependency: "common");

    [TestMethod]
    public void AForbiddenRepositoryIsNamed()
    {
        using var repository = new ChartRepositoryFixture(basicAuth: "someone:else");
        AssertRefused(repository, "WT3405", "common", o => o);
    }

    [TestMethod]
    public void AnUnexpectedStatusIsNamed()
        => AssertRefused("WT3422", r => r.Server.Statuses["charts/index.yaml"] = 503, dependency: "common");

    [TestMethod]
    public void AFileReferenceToNoChartIsNamed()
        => AssertRefused("WT3419", r => EditChart(r, "alias: sessions\n    version: ~2.1.0\n    repository: \"@fixtures\"", "alias: sessions\n    version: ~2.1.0\n    repository: file://../no-such-chart"));

    [TestMethod]
    public void AStaleChartLockIsAnErrorAndConstraintsAreUsed()
    {
        using var repository = new ChartRepositoryFixture();
        File.WriteAllText(Path.Combine(repository.ChartDirectory, ChartLock.FileName), new ChartLock("sha256:" + new string('a', 64), "2026-01-01T00:00:00Z", [new("common", "1.0.0", repository.RepositoryUrl), new("cache", "2.1.0", repository.RepositoryUrl)]).Write());

        var resolution = new ChartDependencyResolver(repository.Options()).Resolve(LoadedChart.Load(repository.ChartDirectory), ResolutionMode.Missing);
        var build = DependencyVendoring.Run(repository.ChartDirectory, new ChartDependencyResolver(repository.Options()), ResolutionMode.Build);

        var problem = resolution.Problems.Single();
        Assert.AreEqual("WT3420", problem.Diagnostic.Code);
        Assert.IsNull(problem.Dependency);
        CollectionAssert.AreEqual(new[] { "1.2.0", "2.1.3" }, resolution.Resolved.Select(r => r.Locked.Version).ToArray(), "validation goes on from the constraints");
        Assert.IsTrue(build.Any(d => d.Code == "WT3420"), "dependency build refuses a stale lock, as Helm's does");
        Assert.IsFalse(Directory.Exists(Path.Combine(repository.ChartDirectory, "charts")));
    }

    [TestMethod]
    public void AnUnreadableChartLockIsNamed()
    {
        using var repository = new ChartRepositoryFixture();
        File.WriteAllText(Path.Combine(repository.ChartDirectory, ChartLock.FileName), "dependencies: 3\n");

        var resolution = new ChartDependencyResolver(repository.Options()).Resolve(LoadedChart.Load(repository.ChartDirectory), ResolutionMode.Missing);

        Assert.AreEqual("WT3421", resolution.Problems.Single().Diagnostic.Code);
        Assert.HasCount(2, resolution.Resolved);
    }

    [TestMethod]
    public void ACredentialsVariableThatIsNotSetIsAWarning()
    {
        using var temp = new TemporaryDirectory();
        var configuration = temp.Combine("welltrack.yaml");
        File.WriteAllText(configuration, "dependencies:\n  timeout: 5\n  repositories:\n    - name: private\n      url: https://charts.example.test/\n      tokenVariable: WELLTRACK_TEST_TOKEN_THAT_IS_NOT_SET\n");

        var (resolver, diagnostics) = DependencySetup.Create(temp.Path, configuration, offline: true);

        Assert.AreEqual("WT3423", diagnostics.Single().Code);
        Assert.IsFalse(diagnostics.Single().IsError);
        Assert.AreEqual(TimeSpan.FromSeconds(5), resolver.Options.Timeout);
        Assert.IsTrue(resolver.Options.Offline);
        Assert.AreEqual("private", resolver.Options.Repositories.Single().Name);
    }

    [TestMethod]
    public void ARepositorySchemeWithNoSourceIsNamed()
        => AssertRefused("WT3402", r => EditChart(r, "alias: sessions\n    version: ~2.1.0\n    repository: \"@fixtures\"", "alias: sessions\n    version: ~2.1.0\n    repository: s3://charts-bucket/stable"));

    private static void AssertRefused(string code, Action<ChartRepositoryFixture> spoil, Func<DependencyOptions, DependencyOptions>? configure = null, string dependency = "cache")
    {
        using var repository = new ChartRepositoryFixture();
        spoil(repository);
        repository.WriteIndexIfChanged();
        AssertRefused(repository, code, dependency, configure ?? (o => o));
    }

    private static void AssertRefused(ChartRepositoryFixture repository, string code, string dependency, Func<DependencyOptions, DependencyOptions> configure)
    {
        var chartBefore = ChartRepositoryFixture.Snapshot(repository.ChartDirectory);
        var resolver = new ChartDependencyResolver(configure(repository.Options()));

        var resolution = resolver.Resolve(LoadedChart.Load(repository.ChartDirectory), ResolutionMode.Missing);
        var vendoring = DependencyVendoring.Run(repository.ChartDirectory, new ChartDependencyResolver(configure(repository.Options() with { CacheDirectory = repository.CacheDirectory + "-build" })), ResolutionMode.Update);

        var problem = resolution.Problems.FirstOrDefault(p => p.Diagnostic.Code == code);
        Assert.IsNotNull(problem, RepositoryResolutionTests.Describe(resolution));
        Assert.AreEqual(dependency, problem.Dependency);
        StringAssert.Contains(problem.Diagnostic.Message, dependency);
        if (code is not ("WT3401" or "WT3402" or "WT3419"))
        {
            StringAssert.Contains(problem.Diagnostic.Message, repository.RepositoryUrl);
        }

        Assert.IsTrue(vendoring.Any(d => d.Code == code), string.Join("\n", vendoring));
        CollectionAssert.AreEqual(chartBefore, ChartRepositoryFixture.Snapshot(repository.ChartDirectory), "the chart's directory is unchanged");
        var cached = ChartRepositoryFixture.Snapshot(repository.CacheDirectory).Keys.Concat(ChartRepositoryFixture.Snapshot(repository.CacheDirectory + "-build").Keys).ToList();
        Assert.IsFalse(cached.Any(k => k.EndsWith(".tmp", StringComparison.Ordinal)), "no half-written entry: " + string.Join(", ", cached));
        Assert.IsTrue(cached.Count <= CachedFilesOfCommon(resolution), "only the dependency that resolved is cached: " + string.Join(", ", cached));
    }

    /// <summary>The dependency that is not spoilt (common) may be cached: its archive, its reference, its versions.</summary>
    private static int CachedFilesOfCommon(DependencyResolution resolution) => resolution.Resolved.Any(r => r.Locked.Name == "common") ? 2 * 3 : 0;

    private static void EditChart(ChartRepositoryFixture repository, string from, string to)
    {
        var path = Path.Combine(repository.ChartDirectory, "Chart.yaml");
        var text = File.ReadAllText(path);
        StringAssert.Contains(text, from);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>A gzip'd tar of regular files; a null content makes a symbolic link to /etc/passwd.</summary>
    private static byte[] Tgz(params (string Name, byte[]? Data)[] entries)
    {
        using var tarBytes = new MemoryStream();
        using (var tar = new TarWriter(tarBytes, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                var entry = data is null
                    ? new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = "/etc/passwd" }
                    : new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) };
                tar.WriteEntry(entry);
            }
        }

        return Gzip(tarBytes.ToArray());
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
