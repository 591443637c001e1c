using WellTrack.Testing;

namespace WellTrack.Core.Tests.Validation;

/// <summary>
/// The rendered fixtures RealChartsTests validates are the charts as they are now: every chart file and every
/// fixture has the hash eng/regenerate-goldens.sh recorded in Fixtures/rendered/golden-manifest.json. Without this,
/// a chart change left the fixtures validating old renders.
/// </summary>
[TestClass]
public sealed class FixtureAgreementTests
{
    [TestMethod]
    public void RenderedFixturesAgreeWithTheCharts()
    {
        var setDirectory = Path.GetRelativePath(ValidationTestSupport.RepositoryRoot(), Path.Combine(ValidationTestSupport.FixturesDirectory, "rendered"));
        var manifest = GoldenManifest.Read(ValidationTestSupport.RepositoryRoot(), setDirectory);

        var disagreements = manifest.Disagreements();

        Assert.IsGreaterThan(0, manifest.OutputCount, "the manifest records no rendered fixture");
        Assert.IsEmpty(disagreements, $"{manifest.SetDirectory} disagrees with the charts:\n  {string.Join("\n  ", disagreements)}\n{GoldenManifest.Remedy}");
    }
}
