using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Yaml;

[TestClass]
public sealed class YamlPathTests
{
    [TestMethod]
    [DataRow("image.tag", new[] { "image", "tag" })]
    [DataRow(@"podAnnotations.prometheus\.io/scrape", new[] { "podAnnotations", "prometheus.io/scrape" })]
    [DataRow(@"a\\.b", new[] { @"a\", "b" })]
    [DataRow("single", new[] { "single" })]
    public void ParsesSegmentsAndFormatsThemBack(string path, string[] segments)
    {
        var parsed = YamlPath.Parse("values.yaml", path);
        CollectionAssert.AreEqual(segments, parsed.Segments.ToArray());
        Assert.AreEqual(path, parsed.ToString());
    }

    [TestMethod]
    public void NamesThePositionOfTheProblem()
    {
        var error = Assert.ThrowsExactly<DiagnosticException>(() => YamlPath.Parse("values.yaml", "image..tag")).Diagnostic;
        Assert.AreEqual(
            @"values.yaml: error WT1012: The key path 'image..tag' is not valid at character 7: keys are separated by '.', none may be empty, and a '.' or '\' inside a key is written '\.' or '\\'.",
            error.ToString());
    }
}
