using WellTrack.Core.Yaml;
using static WellTrack.Core.Tests.Yaml.YamlEditAssert;

namespace WellTrack.Core.Tests.Yaml;

[TestClass]
public sealed class ScalarFindTests
{
    [TestMethod]
    public void FindsTheValuePositionAndPinComment()
    {
        var found = YamlScalarEditor.Find(FileName, Bytes("image:\n  repository: r\n  tag: \"1.2.3\"   #   welltrack:pin waiting for QA  \n"), "image.tag", out var diagnostics);
        Assert.IsEmpty(diagnostics);
        Assert.AreEqual(new ScalarLookup("image.tag", "1.2.3", 3, 8, "welltrack:pin waiting for QA"), found);
    }

    [TestMethod]
    public void FindsInAFlowMappingAfterCrlfAndABom()
    {
        var found = YamlScalarEditor.Find(FileName, [0xEF, 0xBB, 0xBF, .. Bytes("a: 1\r\nimage: {repository: r, tag: t} # pinned\r\n")], "image.tag", out _);
        Assert.AreEqual(new ScalarLookup("image.tag", "t", 2, 29, "pinned"), found);
    }

    [TestMethod]
    [DataRow("image:\n  tag: \"a # not a comment\"\n", DisplayName = "hash inside quotes")]
    [DataRow("image:\n  tag: a\n  # a comment on the next line\n", DisplayName = "comment on another line")]
    [DataRow("image:\n  tag: a#b\n", DisplayName = "hash without a space")]
    public void LineCommentIsNullWhenTheValuesLineHasNone(string input)
        => Assert.IsNull(YamlScalarEditor.Find(FileName, Bytes(input), "image.tag", out _)!.LineComment);

    [TestMethod]
    public void MissingKeyIsNullWithTheMissingKeyCode()
    {
        Assert.IsNull(YamlScalarEditor.Find(FileName, Bytes("image:\n  tag: a\n"), "image.digest", out var diagnostics));
        Assert.AreEqual((YamlScalarEditor.MissingKeyCode.Id, 1, 1), (diagnostics.Single().Code, diagnostics.Single().Line, diagnostics.Single().Column));
    }

    [TestMethod]
    public void UnusableTargetIsNullWithItsError()
    {
        Assert.IsNull(YamlScalarEditor.Find(FileName, Bytes("image:\n  tag: *x\n"), "image.tag", out var diagnostics));
        Assert.AreEqual(("WT1004", 2, 8), (diagnostics.Single().Code, diagnostics.Single().Line, diagnostics.Single().Column));
    }
}
