using WellTrack.Core.Dependencies;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Tests.Dependencies;

/// <summary>
/// Chart.lock's digest is Helm's resolver.HashReq. The expected digests come from Go's own encoding/json over
/// Helm's chart.Dependency shape (eng/lock-digest-oracle), not from this implementation.
/// </summary>
[TestClass]
public sealed class ChartLockTests
{
    private const string Url = "http://127.0.0.1:8080/charts";

    [TestMethod]
    public void TheUmbrellaDigestIsHelms()
    {
        var requests = ChartMetadata.Parse(File.ReadAllText(Path.Combine(ChartRepositoryFixture.FixturePath("umbrella"), "Chart.yaml")))
            .Dependencies.Select(d => d with { Repository = Url }).ToList();
        LockedDependency[] locked = [new("common", "1.2.0", Url), new("cache", "2.1.3", Url)];

        Assert.AreEqual("sha256:34419a524736f1b11f7b0270c9b6f2200a4f58a155c7805db9496ab01f4e9ff7", ChartLock.ComputeDigest(requests, locked));
    }

    [TestMethod]
    public void EveryFieldAndGosHtmlEscapingCount()
    {
        const string chart = """
            apiVersion: v2
            name: app
            version: 1.0.0
            dependencies:
              - name: db<1>
                version: ">=1.0.0 <2.0.0"
                repository: https://charts.example.test/a&b
                condition: db.enabled,global.db
                tags: [backend, data]
                enabled: true
                import-values:
                  - defaults
                  - parent: p
                    child: c
                alias: primary
              - name: local
            """;
        var requests = ChartMetadata.Parse(chart).Dependencies;
        LockedDependency[] locked = [new("db<1>", "1.4.2", "https://charts.example.test/a&b"), new("local", string.Empty, string.Empty)];

        Assert.AreEqual("sha256:0dd130f105892903925177236c52c92c28643e9ff9cb86a1bd56e0c6460fd7c0", ChartLock.ComputeDigest(requests, locked));
    }

    [TestMethod]
    public void ADifferentConstraintChangesTheDigest()
    {
        var requests = new List<ChartDependency> { new("common", "^1.0.0", string.Empty, string.Empty, []) { Repository = Url } };
        var changed = new List<ChartDependency> { requests[0] with { Version = "^1.1.0" } };
        LockedDependency[] locked = [new("common", "1.2.0", Url)];

        Assert.AreNotEqual(ChartLock.ComputeDigest(requests, locked), ChartLock.ComputeDigest(changed, locked));
    }

    [TestMethod]
    public void AWrittenLockReadsBackAsHelmLaysItOut()
    {
        var written = new ChartLock("sha256:abc", ChartLock.Timestamp(new DateTimeOffset(2026, 12, 7, 22, 55, 51, 120, TimeSpan.Zero)), [new("common", "1.2.0", Url), new("local", ">=0.1.0", string.Empty)]);

        var text = written.Write();
        var read = ChartLock.Parse(text);

        Assert.AreEqual(written.Digest, read.Digest);
        Assert.AreEqual("2026-12-07T22:55:51.12Z", read.Generated);
        CollectionAssert.AreEqual(written.Dependencies.ToList(), read.Dependencies.ToList());
        StringAssert.StartsWith(text, "dependencies:\n- name: common\n  repository: " + Url + "\n  version: 1.2.0\n");
        StringAssert.Contains(text, "\ndigest: sha256:abc\n");
    }

    [TestMethod]
    public void ALockThatIsNotALockIsAFormatError()
        => Assert.ThrowsExactly<FormatException>(() => ChartLock.Parse("dependencies: 3\n"));
}
