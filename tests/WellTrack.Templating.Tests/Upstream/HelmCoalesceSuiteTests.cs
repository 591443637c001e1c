using WellTrack.Templating.Charts;
using WellTrack.Templating.Serialization;
using WellTrack.Templating.Values;
using static WellTrack.Templating.Tests.Upstream.UpstreamCharts;

namespace WellTrack.Templating.Tests.Upstream;

/// <summary>
/// Helm v3.16 pkg/chartutil/coalesce_test.go, the tests over a chart with subcharts, which the oracle does not render.
/// Helm builds its charts as Go structs; here each is a chart of files (no dependencies listed in Chart.yaml, so every
/// subchart in charts/ is used, as Helm's AddDependency does) and coalesced by the engine's counterpart of
/// chartutil.CoalesceValues and MergeValues. Helm checks the result by executing a template such as
/// <c>{{.pequod.ahab.name}}</c> on it; <see cref="Expand"/> reads the same path, printing what Go's text/template
/// prints: the value with %v, or <c>&lt;no value&gt;</c> for a missing key. The expectations are Helm's.
/// TestCoalesceTables runs through the oracle instead (Charts/helm-chartutil-coalesce-tables*), since one chart's
/// values under -f files take the same path.
/// </summary>
[TestClass]
public sealed class HelmCoalesceSuiteTests
{
    /// <summary>The user values of TestCoalesceValues and TestMergeValues: nulls in each YAML spelling, and globals.</summary>
    private const string UserValues = """
        top: yup
        bottom: null
        right: Null
        left: NULL
        front: ~
        back: ""
        nested:
          boat: null

        global:
          name: Ishmael
          subject: Queequeg
          nested:
            boat: true

        pequod:
          global:
            name: Stinky
            harpooner: Tashtego
            nested:
              boat: false
              sail: true
          ahab:
            scope: whale
            boat: null
            nested:
              foo: true
              bar: null
        """;

    /// <summary>The template paths both tests check, with Helm's expected output (the same for coalescing and merging).</summary>
    public static IEnumerable<object[]> ExpandedPaths =>
    [
        ["top", "yup"],
        ["back", ""],
        ["name", "moby"],
        ["global.name", "Ishmael"],
        ["global.subject", "Queequeg"],
        ["global.harpooner", "<no value>"],
        ["pequod.name", "pequod"],
        ["pequod.ahab.name", "ahab"],
        ["pequod.ahab.scope", "whale"],
        ["pequod.ahab.nested.foo", "true"],
        ["pequod.ahab.global.name", "Ishmael"],
        ["pequod.ahab.global.nested.foo", "bar"],
        ["pequod.ahab.global.subject", "Queequeg"],
        ["pequod.ahab.global.harpooner", "Tashtego"],
        ["pequod.global.name", "Ishmael"],
        ["pequod.global.nested.foo", "<no value>"],
        ["pequod.global.subject", "Queequeg"],
        ["spouter.global.name", "Ishmael"],
        ["spouter.global.harpooner", "<no value>"],
        ["global.nested.boat", "true"],
        ["pequod.global.nested.boat", "true"],
        ["spouter.global.nested.boat", "true"],
        ["pequod.global.nested.sail", "true"],
        ["spouter.global.nested.sail", "<no value>"],
        ["global.nested2.l0", "moby"],
        ["global.nested2.l1", "<no value>"],
        ["global.nested2.l2", "<no value>"],
        ["pequod.global.nested2.l0", "moby"],
        ["pequod.global.nested2.l1", "pequod"],
        ["pequod.global.nested2.l2", "<no value>"],
        ["pequod.ahab.global.nested2.l0", "moby"],
        ["pequod.ahab.global.nested2.l1", "pequod"],
        ["pequod.ahab.global.nested2.l2", "ahab"],
        ["spouter.global.nested2.l0", "moby"],
        ["spouter.global.nested2.l1", "spouter"],
        ["spouter.global.nested2.l2", "<no value>"],
    ];

    /// <summary>Keys the user values set to null; coalescing removes them, merging keeps them as null.</summary>
    public static IEnumerable<object[]> NulledPaths =>
    [
        ["bottom"],
        ["right"],
        ["left"],
        ["front"],
        ["nested.boat"],
        ["pequod.ahab.boat"],
        ["pequod.ahab.nested.bar"],
    ];

    [TestMethod]
    [DynamicData(nameof(ExpandedPaths))]
    public void CoalesceValuesExpands(string path, string expected)
        => Assert.AreEqual(expected, Expand(ValuesMerger.CoalesceTree(Moby(), User()), path), path);

    [TestMethod]
    [DynamicData(nameof(ExpandedPaths))]
    public void MergeValuesExpands(string path, string expected)
        => Assert.AreEqual(expected, Expand(ValuesMerger.MergeTree(Moby(), User()), path), path);

    [TestMethod]
    [DynamicData(nameof(NulledPaths))]
    public void CoalesceValuesRemovesAUserNull(string path)
        => Assert.IsFalse(TryRead(ValuesMerger.CoalesceTree(Moby(), User()), path, out _), $"{path} is still present");

    [TestMethod]
    [DynamicData(nameof(NulledPaths))]
    public void MergeValuesKeepsAUserNull(string path)
    {
        Assert.IsTrue(TryRead(ValuesMerger.MergeTree(Moby(), User()), path, out var value), $"{path} was removed");
        Assert.IsNull(value, path);
    }

    [TestMethod]
    public void CoalesceValuesLeavesTheUserValuesAlone()
    {
        var user = User();
        var before = GoJson.Marshal(user);

        ValuesMerger.CoalesceTree(Moby(), user);

        Assert.AreEqual(before, GoJson.Marshal(user));
    }

    [TestMethod]
    public void MergeValuesLeavesTheUserValuesAlone()
    {
        var user = User();
        var before = GoJson.Marshal(user);

        ValuesMerger.MergeTree(Moby(), user);

        Assert.AreEqual(before, GoJson.Marshal(user));
    }

    /// <summary>
    /// TestMergeTables's first table: dst wins, src fills in, a table is never replaced by a scalar nor a scalar by a
    /// table, and unlike CoalesceTables a null in dst stays (country, hole).
    /// </summary>
    [TestMethod]
    public void MergeTablesKeepsNullsAndLetsTheDestinationWin()
    {
        var dst = GoYamlLoader.LoadMap("""
            name: Ishmael
            address:
              street: 123 Spouter Inn Ct.
              city: Nantucket
              country: null
            details:
              friends: [Tashtego]
            boat: pequod
            hole: null
            """);
        var src = GoYamlLoader.LoadMap("""
            occupation: whaler
            address:
              state: MA
              street: 234 Spouter Inn Ct.
              country: US
            details: empty
            boat:
              mast: true
            hole: black
            """);

        ValuesMerger.MergeTables(dst, src);

        Assert.AreEqual(
            """{"address":{"city":"Nantucket","country":null,"state":"MA","street":"123 Spouter Inn Ct."},"boat":"pequod","details":{"friends":["Tashtego"]},"hole":null,"name":"Ishmael","occupation":"whaler"}""",
            GoJson.Marshal(dst));
    }

    /// <summary>
    /// TestMergeTables's second table, merged with nothing (Helm passes a nil src, the --reuse-values case with no
    /// chart change; the engine's MergeTables takes an empty table for that): every value stays, the null one too.
    /// </summary>
    [TestMethod]
    public void MergeTablesWithNothingKeepsEverything()
    {
        const string text = """
            name: Ishmael
            address:
              street: 123 Spouter Inn Ct.
              city: Nantucket
              country: US
            details:
              friends: [Tashtego]
            boat: pequod
            hole: black
            nilval: null
            """;
        var dst = GoYamlLoader.LoadMap(text);

        ValuesMerger.MergeTables(dst, []);

        Assert.AreEqual(GoJson.Marshal(GoYamlLoader.LoadMap(text)), GoJson.Marshal(dst));
        Assert.IsTrue(dst.ContainsKey("nilval"));
        Assert.IsNull(dst["nilval"]);
    }

    /// <summary>
    /// TestCoalesceValuesWarnings's chart and values: a user table over a chart scalar, a user scalar over a chart
    /// table and the reverse, three levels down. Helm's test checks the three warnings it logs (the engine logs none:
    /// not ported, see the README); what it coalesces is re-derived here from coalesce.go: in each conflict the
    /// user's value stays as given, each subchart section gains the (empty) global table coalesceGlobals writes, and
    /// the charts' names fill in.
    /// </summary>
    [TestMethod]
    public void CoalesceValuesKeepsTheUsersSideOfATableScalarConflict()
    {
        var files = Chart("level1",
            ("values.yaml", "name: moby\n"),
            ("charts/level2/Chart.yaml", Metadata("level2")),
            ("charts/level2/values.yaml", "name: pequod\n"),
            ("charts/level2/charts/level3/Chart.yaml", Metadata("level3")),
            ("charts/level2/charts/level3/values.yaml", "name: ahab\nboat: true\nspear:\n  tip: true\n  sail:\n    cotton: true\n"));
        var user = GoYamlLoader.LoadMap("""
            level2:
              level3:
                boat:
                  mast: true
                spear:
                  tip:
                    sharp: true
                  sail: true
            """);

        var values = ValuesMerger.CoalesceTree(Tree(files), user);

        Assert.AreEqual(
            """{"level2":{"global":{},"level3":{"boat":{"mast":true},"global":{},"name":"ahab","spear":{"sail":true,"tip":{"sharp":true}}},"name":"pequod"},"name":"moby"}""",
            GoJson.Marshal(values));
    }

    /// <summary>The chart tree of TestCoalesceValues: moby with pequod (which has ahab) and spouter.</summary>
    private static ChartNode Moby() => Tree(Chart("moby",
        ("values.yaml", """
            back: exists
            bottom: exists
            front: exists
            left: exists
            name: moby
            nested:
              boat: true
            override: bad
            right: exists
            scope: moby
            top: nope
            global:
              nested2:
                l0: moby
            """),
        ("charts/pequod/Chart.yaml", Metadata("pequod")),
        ("charts/pequod/values.yaml", "name: pequod\nscope: pequod\nglobal:\n  nested2:\n    l1: pequod\n"),
        ("charts/pequod/charts/ahab/Chart.yaml", Metadata("ahab")),
        ("charts/pequod/charts/ahab/values.yaml", """
            global:
              nested:
                foo: bar
              nested2:
                l2: ahab
            scope: ahab
            name: ahab
            boat: true
            nested:
              foo: false
              bar: true
            """),
        ("charts/spouter/Chart.yaml", Metadata("spouter")),
        ("charts/spouter/values.yaml", "scope: spouter\nglobal:\n  nested2:\n    l1: spouter\n")));

    private static Dictionary<string, object?> User() => GoYamlLoader.LoadMap(UserValues);

    private static ChartNode Tree(Dictionary<string, byte[]> files)
        => ChartNode.BuildEnabled(LoadedChart.FromFiles("/charts/root", files), []);

    /// <summary>What Go's text/template prints for <c>{{.a.b.c}}</c> on <paramref name="values"/>.</summary>
    private static string Expand(Dictionary<string, object?> values, string path)
        => TryRead(values, path, out var value) && value is not null ? GoFormatter.FormatValue(value) : "<no value>";

    private static bool TryRead(Dictionary<string, object?> values, string path, out object? value)
    {
        value = values;
        foreach (var key in path.Split('.'))
        {
            if (value is not Dictionary<string, object?> table || !table.TryGetValue(key, out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }
}
