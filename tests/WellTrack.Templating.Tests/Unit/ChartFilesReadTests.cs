using WellTrack.Templating.Charts;
using WellTrack.Testing;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>A chart's files as Helm's loader reads them, for tools that check them.</summary>
[TestClass]
public sealed class ChartFilesReadTests
{
    [TestMethod]
    public void HelmIgnoreAndItsDefaultRuleApply()
    {
        using var temp = new TemporaryDirectory();
        Directory.CreateDirectory(temp.Combine("templates"));
        File.WriteAllText(temp.Combine("Chart.yaml"), "apiVersion: v2\nname: x\nversion: 0.1.0\n");
        File.WriteAllText(temp.Combine(".helmignore"), "*.md\n");
        File.WriteAllText(temp.Combine("README.md"), "docs\n");
        File.WriteAllText(temp.Combine("templates", ".swp.yaml"), "x\n");
        File.WriteAllBytes(temp.Combine("templates", "cm.yaml"), [0xEF, 0xBB, 0xBF, (byte)'a']);

        var files = LoadedChart.ReadFiles(temp.Path);

        CollectionAssert.AreEquivalent(new[] { ".helmignore", "Chart.yaml", "templates/cm.yaml" }, files.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { (byte)'a' }, files["templates/cm.yaml"], "the byte-order mark is dropped");
    }

    [TestMethod]
    public void ARuleHelmRefusesIsALoadError()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine(".helmignore"), "**/*.bak\n");

        Assert.ThrowsExactly<ChartLoadException>(() => LoadedChart.ReadFiles(temp.Path));
    }
}
