using WellTrack.Testing;

namespace WellTrack.Templating.Tests;

/// <summary>
/// The goldens the engine is compared with agree with what they were made from: every chart and case file, and every
/// golden, has the hash eng/regenerate-goldens.sh recorded in the set's golden-manifest.json; and every golden set of
/// the repository was made with the same oracle. A chart or case changed without regenerating fails here, by name.
/// </summary>
[TestClass]
public sealed class GoldenAgreementTests
{
    private static string RepositoryRoot => RepositoryPaths.Root(typeof(GoldenAgreementTests).Assembly);

    [TestMethod]
    [DataRow("tests/WellTrack.Templating.Tests/Conformance/Snippets")]
    [DataRow("tests/WellTrack.Templating.Tests/Conformance/Charts")]
    [DataRow("tests/WellTrack.Templating.Tests/Conformance/Subcharts")]
    [DataRow("tests/WellTrack.Templating.Tests/WellTrackCharts")]
    public void GoldensAgreeWithTheirInputs(string setDirectory)
    {
        var manifest = GoldenManifest.Read(RepositoryRoot, setDirectory);

        var disagreements = manifest.Disagreements();

        Assert.IsGreaterThan(0, manifest.OutputCount, $"{setDirectory}: the manifest records no golden");
        Assert.IsEmpty(disagreements, $"{setDirectory} disagrees with what it was made from:\n  {string.Join("\n  ", disagreements)}\n{GoldenManifest.Remedy}");
    }

    [TestMethod]
    public void EveryGoldenSetWasMadeWithTheSameOracle()
    {
        var manifests = GoldenManifest.All(RepositoryRoot);

        // The four sets above and the validation fixtures of WellTrack.Core.Tests, at least.
        Assert.IsGreaterThanOrEqualTo(5, manifests.Count, string.Join(", ", manifests.Select(m => m.SetDirectory)));
        var oracles = manifests.GroupBy(m => m.Oracle).ToList();
        Assert.HasCount(1, oracles, "golden sets made with different oracles:\n  "
            + string.Join("\n  ", oracles.Select(o => $"{o.Key}: {string.Join(", ", o.Select(m => m.SetDirectory))}")) + "\n" + GoldenManifest.Remedy);
    }
}
