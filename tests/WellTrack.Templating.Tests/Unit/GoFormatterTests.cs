using WellTrack.Templating.Values;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>Go's fmt and strconv corner cases, checked against values Go itself prints.</summary>
[TestClass]
public sealed class GoFormatterTests
{
    [TestMethod]
    [DataRow(1000000.0, "1e+06")]
    [DataRow(100000.0, "100000")]
    [DataRow(0.0001, "0.0001")]
    [DataRow(0.00001, "1e-05")]
    [DataRow(1.5, "1.5")]
    [DataRow(-0.0, "-0")]
    [DataRow(123456789.0, "1.23456789e+08")]
    [DataRow(1e21, "1e+21")]
    [DataRow(0.1 + 0.2, "0.30000000000000004")]
    public void FloatPrintsAsPercentV(double value, string expected) => Assert.AreEqual(expected, GoFormatter.FormatValue(value));

    [TestMethod]
    [DataRow("%5.2f", 3.14159, " 3.14")]
    [DataRow("%e", 1234.5678, "1.234568e+03")]
    [DataRow("%g", 0.000012345, "1.2345e-05")]
    [DataRow("%.3g", 3.14159, "3.14")]
    [DataRow("%08.3f", -3.14159, "-003.142")]
    [DataRow("%.0f", 2.5, "2")]
    [DataRow("%.1f", 0.05, "0.1")]
    public void FloatVerbs(string format, double value, string expected) => Assert.AreEqual(expected, GoFormatter.Sprintf(format, [value]));

    [TestMethod]
    public void MapsPrintSortedAndNilInsideAsNil()
    {
        var map = new Dictionary<string, object?> { ["b"] = 2.0, ["a"] = null, ["c"] = new List<object?> { "x", 1L } };
        Assert.AreEqual("map[a:<nil> b:2 c:[x 1]]", GoFormatter.FormatValue(map));
    }

    [TestMethod]
    public void BadVerbsMissingAndExtraArguments()
    {
        Assert.AreEqual("%!d(string=x) %!s(MISSING)", GoFormatter.Sprintf("%d %s", ["x"]));
        Assert.AreEqual("a%!(EXTRA int=1, string=b)", GoFormatter.Sprintf("a", [1L, "b"]));
        Assert.AreEqual("%!s(<nil>)", GoFormatter.Sprintf("%s", [null]));
    }

    [TestMethod]
    public void QuoteEscapesLikeStrconv()
    {
        Assert.AreEqual("\"a\\tb\\n\\x01é\\\"\"", GoStrconv.Quote("a\tb\n\u0001é\""));
        Assert.AreEqual("'\\''", GoFormatter.Sprintf("%q", [39L]));
    }

    [TestMethod]
    public void SprintSpacesOnlyBetweenNonStrings()
    {
        Assert.AreEqual("a1 2b", GoFormatter.Sprint(["a", 1L, 2L, "b"]));
        Assert.AreEqual("a 1 2 b\n", GoFormatter.Sprintln(["a", 1L, 2L, "b"]));
    }
}
