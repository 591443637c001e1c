using WellTrack.Core.Dependencies;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies;

/// <summary>One chart's versions read out of an index without parsing the rest; other layouts parsed whole.</summary>
[TestClass]
public sealed class HelmRepositoryIndexTests
{
    private const string Index = """
        apiVersion: v1
        entries:
          alpha:
          - name: alpha
            version: 1.0.0
            urls:
            - alpha-1.0.0.tgz
          beta:
          - description: |
              beta:
              entries:
            digest: 0123abcd
            name: beta
            urls:
            - https://example.test/beta-2.0.0.tgz
            version: 2.0.0
          - name: beta
            urls: [beta-10.0.0.tgz]
            version: 10.0.0
          - name: beta
            version: 1.5.0
            urls:
            - beta-1.5.0.tgz
          "gamma":
            - name: gamma
              version: 0.1.0
              urls: [g.tgz]
        generated: "2026-12-01T10:00:00Z"
        """;

    [TestMethod]
    public void OneChartsVersionsComeNewestFirst()
    {
        var beta = HelmRepositoryIndex.Versions(Index, "beta")!;

        CollectionAssert.AreEqual(new[] { "10.0.0", "2.0.0", "1.5.0" }, beta.Select(v => v.Version).ToArray());
        Assert.AreEqual("0123abcd", beta[1].Digest);
        Assert.AreEqual("https://example.test/beta-2.0.0.tgz", beta[1].Urls.Single());
    }

    [TestMethod]
    public void QuotedKeysAndIndentedListsAreRead()
        => Assert.AreEqual("0.1.0", HelmRepositoryIndex.Versions(Index, "gamma")!.Single().Version);

    [TestMethod]
    public void AnAbsentChartIsNull()
        => Assert.IsNull(HelmRepositoryIndex.Versions(Index, "entries"));

    [TestMethod]
    public void AJsonIndexIsParsedWhole()
        => Assert.AreEqual("3.1.0", HelmRepositoryIndex.Versions("""{"apiVersion":"v1","entries":{"x":[{"name":"x","version":"3.1.0","urls":["x.tgz"]}]}}""", "x")!.Single().Version);

    [TestMethod]
    [DataRow("<html>not found</html>")]
    [DataRow("apiVersion: v1\nentries:\n  beta: 3\n")]
    [DataRow("apiVersion: v1\nentries:\n  beta:\n  - [1, 2]\n")]
    [DataRow("apiVersion: v1\nentries:\n  beta:\n  - name: beta\n    version: [unclosed\n")]
    public void AMalformedIndexIsAFormatError(string index)
        => Assert.ThrowsExactly<FormatException>(() => HelmRepositoryIndex.Versions(index, "beta"));

    /// <summary>A 15 MB index of the usual shape gives one chart without parsing the rest (timed in the benchmark, not here).</summary>
    [TestMethod]
    public void ALargeIndexGivesTheOneChartAsked()
    {
        var index = HelmRepositoryIndexFile.Synthetic();
        var versions = HelmRepositoryIndex.Versions(index, "chart217")!;

        Assert.AreEqual(100, versions.Count);
        Assert.AreEqual("1.99.0", versions[0].Version);
        Assert.IsGreaterThan(15_000_000, index.Length);
    }
}
