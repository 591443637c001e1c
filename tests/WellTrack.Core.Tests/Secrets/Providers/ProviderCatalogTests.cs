using System.Text.RegularExpressions;
using WellTrack.Core.Secrets;
using WellTrack.Core.Secrets.Providers;

namespace WellTrack.Core.Tests.Secrets.Providers;

/// <summary>The catalogue's shape: enough formats, unique ids, each with a family and a remediation, each tested.</summary>
[TestClass]
public sealed partial class ProviderCatalogTests
{
    private static readonly HashSet<string> Families = ["cloud", "vcs-ci", "ai", "payments", "messaging", "observability", "registries", "infra", "saas"];

    [TestMethod]
    public void TheCatalogueAndTheDedicatedRulesHoldAtLeast120Formats()
    {
        // The dedicated rules of WT5010-WT5027 are formats too (jwt, github-token, stripe-live-key, ...).
        var dedicated = SecretRuleCatalog.All.Count(rule => string.CompareOrdinal(rule.Code.Id, "WT5010") >= 0 && string.CompareOrdinal(rule.Code.Id, "WT5027") <= 0);
        Assert.IsGreaterThanOrEqualTo(120, ProviderCatalog.All.Count + dedicated, $"{ProviderCatalog.All.Count} + {dedicated}");
    }

    [TestMethod]
    public void EveryFormatHasAUniqueIdAFamilyAndWhatToDo()
    {
        var duplicates = ProviderCatalog.All.GroupBy(f => f.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.IsEmpty(duplicates, "duplicate ids");
        var taken = SecretRuleCatalog.All.Select(r => r.Id).Intersect(ProviderCatalog.All.Select(f => f.Id)).ToList();
        Assert.IsEmpty(taken, "ids of dedicated rules");
        foreach (var format in ProviderCatalog.All)
        {
            Assert.IsTrue(KebabCase().IsMatch(format.Id), format.Id);
            Assert.Contains(format.Family, Families, format.Id);
            Assert.IsGreaterThan(20, format.Revoke.Length, format.Id);
            Assert.IsTrue(format.Hints.Count > 0 || format.Keywords.Count > 0, $"{format.Id}: neither a hint nor a keyword to pre-filter on");
        }
    }

    [TestMethod]
    public void EveryFormatHasATestShapeAndEveryShapeAFormat()
    {
        var catalogue = ProviderCatalog.All.ToDictionary(f => f.Id);
        var shapes = ProviderShapes.All.ToDictionary(s => s.Id);
        Assert.IsEmpty(catalogue.Keys.Except(shapes.Keys).ToList(), "formats without a test shape");
        Assert.IsEmpty(shapes.Keys.Except(catalogue.Keys).ToList(), "shapes of no format");
        foreach (var (id, shape) in shapes)
        {
            Assert.AreEqual(catalogue[id].Family, shape.Family, id);
            Assert.AreEqual(catalogue[id].Hints.Count == 0, shape.NeedsKeyword && catalogue[id].Hints.Count == 0, $"{id}: keyword-only in one table, not in the other");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
