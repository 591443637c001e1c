using System.Text.Json;
using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Conformance;

/// <summary>
/// Subcharts against the oracle, which renders no subchart inside a parent: each enabled subchart is rendered alone
/// by the oracle with the values Helm passes it (eng/goldens/subcharts.py computes them from Helm's
/// documented coalescing rules: the parent's section over the subchart's defaults, nulls deleting, the parent's
/// global copied down, an alias renaming the chart), and the parent's own templates alone. The engine renders the
/// parent with its subcharts; each part of its output must equal its golden byte for byte, disabled subcharts must
/// render nothing, and the whole must keep Helm's install order across parent and subcharts.
/// </summary>
[TestClass]
public sealed class SubchartConformanceTests
{
    private static string Cases => Path.Combine(AppContext.BaseDirectory, "Conformance", "Subcharts");

    public static IEnumerable<object[]> CaseNames() => Directory.GetDirectories(Cases).Select(Path.GetFileName).Order().Select(name => new object[] { name! });

    [TestMethod]
    [DynamicData(nameof(CaseNames))]
    public void EachPartRendersAsTheOracleRendersItAlone(string name)
    {
        var parent = Path.Combine(Cases, name, "parent");
        var expected = Path.Combine(Cases, name, "expected");
        var parentName = ChartMetadata.Parse(File.ReadAllText(Path.Combine(parent, "Chart.yaml"))).Name;

        var result = ChartRenderer.Render(parent);

        Assert.IsTrue(result.Succeeded, result.Error);
        var parts = result.Manifests.GroupBy(manifest => PartOf(parentName, manifest.SourceTemplate)).ToDictionary(group => group.Key, group => group.ToList());
        var subcharts = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(Path.Combine(expected, "subcharts.json")))!;
        CollectionAssert.AreEquivalent(subcharts.Append("_parent").ToList(), parts.Keys.ToList(), "exactly the enabled subcharts render");
        foreach (var (part, manifests) in parts)
        {
            var prefix = part == "_parent" ? null : $"{parentName}/charts/{part}/";
            var alone = manifests.Select(m => prefix is null ? m : m with { SourceTemplate = part + "/" + m.SourceTemplate[prefix.Length..] }).ToList();
            Assert.AreEqual(File.ReadAllText(Path.Combine(expected, part + ".yaml")), HelmTemplateOutput.Format(alone), $"{name}: {part}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(CaseNames))]
    public void TheWholeKeepsHelmsInstallOrderAcrossParentAndSubcharts(string name)
    {
        var result = ChartRenderer.Render(Path.Combine(Cases, name, "parent"));

        // Helm's InstallOrder puts ConfigMaps before Services before Deployments, whichever chart they come from.
        var order = new[] { "ConfigMap", "Service", "Deployment" };
        var ranks = result.Manifests.Select(m => Array.IndexOf(order, m.Kind)).Where(rank => rank >= 0).ToList();
        CollectionAssert.AreEqual(ranks.Order().ToList(), ranks, $"{name}: {string.Join(", ", result.Manifests.Select(m => m.Kind))}");
    }

    private static string PartOf(string parentName, string source)
    {
        var charts = $"{parentName}/charts/";
        return source.StartsWith(charts, StringComparison.Ordinal) ? source[charts.Length..source.IndexOf('/', charts.Length)] : "_parent";
    }
}
