using WellTrack.Templating.Charts;
using WellTrack.Templating.Serialization;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>
/// <see cref="ValuesMerger.CoalesceChartValues"/>, the layering the core's schema check reads: the expected JSON is
/// helm-oracle's <c>{{ toJson .Values }}</c> for the same chart values and <c>-f</c> files.
/// </summary>
[TestClass]
public sealed class ChartValuesCoalescingTests
{
    [TestMethod]
    public void ValuesFilesMergeFirstThenTheChartsValuesComeBackUnderneath()
    {
        var chart = GoYamlLoader.LoadMap("replicaCount: null\nimage:\n  repository: r\n  tag: \"1\"\n");
        var first = GoYamlLoader.LoadMap("extra: null\nimage: null\n");
        var second = GoYamlLoader.LoadMap("image:\n  tag: \"2\"\n");

        var values = ValuesMerger.CoalesceChartValues(chart, [first, second]);

        Assert.AreEqual("""{"extra":null,"image":{"repository":"r","tag":"2"},"replicaCount":null}""", GoJson.Marshal(values));
    }

    [TestMethod]
    public void NothingGivenIsChanged()
    {
        var chart = GoYamlLoader.LoadMap("image:\n  repository: r\n  tag: \"1\"\n");
        var user = GoYamlLoader.LoadMap("image:\n  tag: null\n");

        ValuesMerger.CoalesceChartValues(chart, [user]);

        Assert.AreEqual("""{"image":{"repository":"r","tag":"1"}}""", GoJson.Marshal(chart));
        Assert.AreEqual("""{"image":{"tag":null}}""", GoJson.Marshal(user));
    }
}
