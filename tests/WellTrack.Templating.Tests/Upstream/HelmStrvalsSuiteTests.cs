using System.Text;
using WellTrack.Templating.Charts;
using WellTrack.Templating.Serialization;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Tests.Upstream;

/// <summary>
/// Helm v3.16 pkg/strvals/parser_test.go, the cases <c>helm template --set</c> reaches: TestParseSet's typed table,
/// TestParseInto and TestParseSetNestedLevels. The oracle models only the common --set forms (no <c>{a,b}</c> lists,
/// nested indexes or depth limit), so it cannot be the reference here: each expectation is the suite's, written as
/// the JSON of the parsed values (keys sorted), or "error" where the suite expects Parse to fail; the error text is
/// checked where the suite checks it. Each row is one --set argument; a row with several is TestParseInto's
/// second ParseInto into the same map, and its starting values (TestParseInto's `got`) are YAML.
/// </summary>
[TestClass]
public sealed class HelmStrvalsSuiteTests
{
    private const string Error = "error";

    public static IEnumerable<object[]> ParseSetCases() =>
    [
        ["name1=null,f=false,t=true", """{"f":false,"name1":null,"t":true}"""],
        ["name1=value1", """{"name1":"value1"}"""],
        ["name1=value1,name2=value2", """{"name1":"value1","name2":"value2"}"""],
        ["name1=value1,name2=value2,", """{"name1":"value1","name2":"value2"}"""],
        ["name1=value1,,,,name2=value2,", Error],
        ["name1=,name2=value2", """{"name1":"","name2":"value2"}"""],
        ["leading_zeros=00009", """{"leading_zeros":"00009"}"""],
        ["zero_int=0", """{"zero_int":0}"""],
        ["long_int=1234567890", """{"long_int":1234567890}"""],
        ["boolean=true", """{"boolean":true}"""],
        ["is_null=null", """{"is_null":null}"""],
        ["name1,name2=", Error],
        ["name1,name2=value2", Error],
        ["name1,name2=value2\\", Error],
        ["name1,name2", Error],
        ["name1=one\\,two,name2=three\\,four", """{"name1":"one,two","name2":"three,four"}"""],
        ["name1=one\\=two,name2=three\\=four", """{"name1":"one=two","name2":"three=four"}"""],
        ["name1=one two three,name2=three two one", """{"name1":"one two three","name2":"three two one"}"""],
        ["outer.inner=value", """{"outer":{"inner":"value"}}"""],
        ["outer.middle.inner=value", """{"outer":{"middle":{"inner":"value"}}}"""],
        ["outer.inner1=value,outer.inner2=value2", """{"outer":{"inner1":"value","inner2":"value2"}}"""],
        ["outer.inner1=value,outer.middle.inner=value", """{"outer":{"inner1":"value","middle":{"inner":"value"}}}"""],
        ["name1.name2", Error],
        ["name1.name2,name1.name3", Error],
        ["name1.name2=", """{"name1":{"name2":""}}"""],
        ["name1.=name2", Error],
        ["name1.,name2", Error],
        ["name1={value1,value2}", """{"name1":["value1","value2"]}"""],
        ["name1={value1,value2},name2={value1,value2}", """{"name1":["value1","value2"],"name2":["value1","value2"]}"""],
        ["name1={1021,902}", """{"name1":[1021,902]}"""],
        ["name1.name2={value1,value2}", """{"name1":{"name2":["value1","value2"]}}"""],
        ["name1={1021,902", Error],
        ["list[0]=foo", """{"list":["foo"]}"""],
        ["list[0].foo=bar", """{"list":[{"foo":"bar"}]}"""],
        ["list[0].foo=bar,list[0].hello=world", """{"list":[{"foo":"bar","hello":"world"}]}"""],
        ["list[0].foo=bar,list[-30].hello=world", Error],
        ["list[0]=foo,list[1]=bar", """{"list":["foo","bar"]}"""],
        ["list[0]=foo,list[1]=bar,", """{"list":["foo","bar"]}"""],
        ["list[0]=foo,list[3]=bar", """{"list":["foo",null,null,"bar"]}"""],
        ["list[0]=foo,list[-20]=bar", Error],
        ["illegal[0]name.foo=bar", Error],
        ["noval[0]", """{"noval":[]}"""],
        ["noval[0]=", """{"noval":[""]}"""],
        ["nested[0][0]=1", """{"nested":[[1]]}"""],
        ["nested[1][1]=1", """{"nested":[null,[null,1]]}"""],
        ["name1.name2[0].foo=bar,name1.name2[1].foo=bar", """{"name1":{"name2":[{"foo":"bar"},{"foo":"bar"}]}}"""],
        ["name1.name2[1].foo=bar,name1.name2[0].foo=bar", """{"name1":{"name2":[{"foo":"bar"},{"foo":"bar"}]}}"""],
        ["name1.name2[1].foo=bar", """{"name1":{"name2":[null,{"foo":"bar"}]}}"""],
        ["]={}].", Error],
    ];

    public static IEnumerable<object[]> ParseIntoCases() =>
    [
        ["outer: {inner1: overwrite, inner2: value2}", new[] { "outer.inner1=value1,outer.inner3=value3,outer.inner4=4" },
            """{"outer":{"inner1":"value1","inner2":"value2","inner3":"value3","inner4":4}}"""],
        ["{}", new[] { "listOuter[0][0].type=listValue", "listOuter[0][0].status=alive" },
            """{"listOuter":[[{"status":"alive","type":"listValue"}]]}"""],
        ["{}", new[] { "listOuter[0][0].type=listValue", "listOuter[1][0].status=alive" },
            """{"listOuter":[[{"type":"listValue"}],[{"status":"alive"}]]}"""],
        ["listOuter: [[[{exited: old}]]]", new[] { "listOuter[0][1][0].type=listValue", "listOuter[0][0][1].status=alive" },
            """{"listOuter":[[[{"exited":"old"},{"status":"alive"}],[{"type":"listValue"}]]]}"""],
    ];

    [TestMethod]
    [DynamicData(nameof(ParseSetCases))]
    public void ParseSet(string set, string expected)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (expected == Error)
        {
            Assert.ThrowsExactly<ChartLoadException>(() => SetValueParser.Apply(set, data), set);
            return;
        }

        SetValueParser.Apply(set, data);
        Assert.AreEqual(expected, Json(data), set);
    }

    [TestMethod]
    [DynamicData(nameof(ParseIntoCases))]
    public void ParseInto(string startingValues, string[] sets, string expected)
    {
        var data = GoYamlLoader.LoadMap(startingValues);
        foreach (var set in sets)
        {
            SetValueParser.Apply(set, data);
        }

        Assert.AreEqual(expected, Json(data));
    }

    [TestMethod]
    public void ParseSetNestedLevels()
    {
        var within = new Dictionary<string, object?>(StringComparer.Ordinal);
        SetValueParser.Apply("outer.middle.inner=value", within);
        Assert.AreEqual("""{"outer":{"middle":{"inner":"value"}}}""", Json(within));

        // 32 names: one more level than the 30 dots' worth strvals allows.
        var tooDeep = string.Join('.', Enumerable.Range(1, StrvalsReader.MaxNestedNameLevel + 2).Select(i => $"name{i}")) + "=value";
        var e = Assert.ThrowsExactly<ChartLoadException>(() => SetValueParser.Apply(tooDeep, new Dictionary<string, object?>(StringComparer.Ordinal)));
        Assert.AreEqual("failed parsing --set data: value name nested level is greater than maximum supported nested level of 30", e.Message);
    }

    private static string Json(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case GoInt64 or long or double:
                sb.Append(Convert.ToString(value is GoInt64 g ? g.Value : value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case string s:
                sb.Append(GoStrconv.Quote(s));
                break;
            case List<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    sb.Append(i > 0 ? "," : string.Empty);
                    Write(sb, list[i]);
                }

                sb.Append(']');
                break;
            case Dictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    sb.Append(first ? string.Empty : ",").Append(GoStrconv.Quote(key)).Append(':');
                    Write(sb, map[key]);
                    first = false;
                }

                sb.Append('}');
                break;
            default:
                Assert.Fail($"unexpected value type {value.GetType()}");
                break;
        }
    }
}
