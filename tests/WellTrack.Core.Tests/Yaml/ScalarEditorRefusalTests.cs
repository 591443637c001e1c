using WellTrack.Core.Yaml;
using static WellTrack.Core.Tests.Yaml.YamlEditAssert;

namespace WellTrack.Core.Tests.Yaml;

/// <summary>Everything the editor will not do is refused with a coded error at the offending node, and nothing is changed.</summary>
[TestClass]
public sealed class ScalarEditorRefusalTests
{
    private static readonly ScalarEdit SetTag = new("image.tag", "2.0.0");

    [TestMethod]
    public void MissingKeyPointsAtTheMappingThatLacksIt()
    {
        var diagnostic = Refuses("replicaCount: 1\nimage:\n  repository: r\n", "WT1003", 2, 1, SetTag);
        Assert.AreEqual("'image.tag' was not found: image has no key 'tag'.", diagnostic.Message);
    }

    [TestMethod]
    public void MissingTopLevelKeyPointsAtTheRootMapping()
    {
        var diagnostic = Refuses("# values\n\nreplicaCount: 1\n", "WT1003", 3, 1, SetTag);
        Assert.AreEqual("'image.tag' was not found: (root) has no key 'image'.", diagnostic.Message);
    }

    [TestMethod]
    public void AliasTargetIsRefused()
        => Refuses("base: &v 1.0\nimage:\n  tag: *v\n", "WT1004", 3, 8, SetTag);

    [TestMethod]
    public void AliasOnThePathIsRefused()
        => Refuses("base: &b\n  tag: 1.0\nimage: *b\n", "WT1004", 3, 8, SetTag);

    [TestMethod]
    public void AnchoredTargetIsRefused()
        => Refuses("image:\n  tag: &t 1.0\nother: *t\n", "WT1005", 2, 8, SetTag);

    [TestMethod]
    public void AnchoredMappingOnThePathIsRefused()
        => Refuses("image: &img\n  tag: 1.0\nsidecar:\n  image: *img\n", "WT1005", 1, 8, SetTag);

    [TestMethod]
    [DataRow("image:\n  tag: |\n    1.0\n", DisplayName = "literal")]
    [DataRow("image:\n  tag: >-\n    1.0\n", DisplayName = "folded")]
    public void BlockScalarTargetIsRefused(string input)
        => Refuses(input, "WT1006", 2, 8, SetTag);

    [TestMethod]
    public void MappingWhereAScalarIsExpectedIsRefused()
    {
        var diagnostic = Refuses("image:\n  tag:\n    name: x\n", "WT1007", 3, 5, SetTag);
        Assert.AreEqual("'image.tag' is a mapping, not a scalar; the path must name a single value (for example image.tag, not image).", diagnostic.Message);
    }

    [TestMethod]
    public void SequenceWhereAScalarIsExpectedIsRefused()
        => Refuses("image:\n  tag:\n    - 1.0\n", "WT1007", 3, 5, SetTag);

    [TestMethod]
    public void FlowSequenceWhereAScalarIsExpectedIsRefused()
        => Refuses("image:\n  tag: [1.0, 2.0]\n", "WT1007", 2, 8, SetTag);

    [TestMethod]
    public void ScalarOnThePathIsRefused()
    {
        var diagnostic = Refuses("image: nginx:1.27\n", "WT1008", 1, 8, SetTag);
        Assert.AreEqual("Cannot look up 'tag' in image: it is a scalar, not a mapping.", diagnostic.Message);
    }

    [TestMethod]
    public void EmptyValueOnThePathIsRefused()
    {
        var diagnostic = Refuses("image:\nother: 1\n", "WT1008", 1, 7, SetTag with { CreateIfMissing = true });
        StringAssert.Contains(diagnostic.Message, "it is an empty value");
    }

    [TestMethod]
    public void SequenceOnThePathIsRefused()
        => Refuses("image:\n  - tag: 1.0\n", "WT1008", 2, 3, SetTag);

    [TestMethod]
    public void EmptyDocumentIsRefused()
        => Refuses("# nothing here\n", "WT1008", 1, 1, SetTag with { CreateIfMissing = true });

    [TestMethod]
    public void ScalarDocumentIsRefused()
        => Refuses("\njust text\n", "WT1008", 2, 1, SetTag);

    [TestMethod]
    public void DuplicateKeyOnThePathIsRefused()
    {
        var diagnostic = Refuses("image:\n  tag: a\nimage:\n  tag: b\n", "WT1009", 3, 1, SetTag);
        Assert.AreEqual("Duplicate key 'image' on the path 'image' (first defined on line 1); YAML tools disagree on which one wins. Remove one of them.", diagnostic.Message);
    }

    [TestMethod]
    public void DuplicateTargetKeyIsRefused()
        => Refuses("image:\n  tag: a\n  pullPolicy: Always\n  tag: b\n", "WT1009", 4, 3, SetTag);

    [TestMethod]
    public void SecondDocumentIsRefused()
        => Refuses("image:\n  tag: a\n---\nimage:\n  tag: b\n", "WT1010", 3, 1, SetTag);

    [TestMethod]
    [DataRow("image:\n  tag: !!str 1.0\n", DisplayName = "standard tag")]
    [DataRow("image:\n  tag: !custom 1.0\n", DisplayName = "local tag")]
    [DataRow("image:\n  tag: ! 1.0\n", DisplayName = "non-specific tag")]
    public void TaggedTargetIsRefused(string input)
        => Refuses(input, "WT1011", 2, 8, SetTag);

    [TestMethod]
    public void UnparsableYamlIsRefusedAtTheParsersPosition()
    {
        var diagnostic = Refuses("image:\n  tag: a: b\n", "WT1001", 2, 9, SetTag);
        StringAssert.StartsWith(diagnostic.Message, "The file is not valid YAML: ");
    }

    [TestMethod]
    [DataRow("image:\n  tag: 'unterminated\nb: 1\n", 2, 8, DisplayName = "unterminated quote")]
    [DataRow("image:\n  tag: \"x\\q\"\n", 2, 8, DisplayName = "unknown escape")]
    [DataRow("image:\n  tag: a\n    b: 2\n", 3, 6, DisplayName = "bad indentation")]
    public void ScannerErrorsAreRefusedAtTheParsersPosition(string input, int line, int column)
        => Refuses(input, "WT1001", line, column, SetTag);

    [TestMethod]
    public void UnclosedFlowSequenceIsRefusedWhereItOpens()
        => Refuses("a: [1\nimage:\n  tag: x\n", "WT1001", 1, 4, SetTag);

    [TestMethod]
    public void InvalidUtf8IsRefusedAtTheBadByte()
    {
        var diagnostic = RefusesBytes([.. Bytes("image:\n  tag: "), 0xFF, .. Bytes("\n")], "WT1002", 2, 8, SetTag);
        StringAssert.Contains(diagnostic.Message, "offset 14");
    }

    [TestMethod]
    [DataRow("image..tag", DisplayName = "empty key")]
    [DataRow(".image", DisplayName = "leading dot")]
    [DataRow("image.", DisplayName = "trailing dot")]
    [DataRow(@"image\tag", DisplayName = "unknown escape")]
    public void InvalidPathIsRefused(string path)
        => Refuses("image:\n  tag: a\n", "WT1012", 0, 0, new ScalarEdit(path, "b"));

    [TestMethod]
    public void SamePathTwiceIsRefused()
        => Refuses("image:\n  tag: a\n", "WT1014", 0, 0, new ScalarEdit("image.tag", "b"), new ScalarEdit("image.tag", "c"));

    [TestMethod]
    public void ValueWithALoneSurrogateIsRefused()
    {
        var diagnostic = Refuses("image:\n  tag: a\n", "WT1015", 0, 0, new ScalarEdit("image.tag", "ab\uD800c"));
        StringAssert.Contains(diagnostic.Message, "at character 3");
    }

    [TestMethod]
    public void OneBadEditRefusesAllAndEveryErrorIsReported()
    {
        var input = Bytes("image:\n  tag: a\n  digest: *d\n");
        var result = YamlScalarEditor.Apply(FileName, input, [new("image.tag", "b"), new("image.digest", "sha"), new("image.missing", "x")]);
        Assert.IsFalse(result.Succeeded);
        CollectionAssert.AreEqual(input, result.Content);
        Assert.AreEqual(
            "charts/welltrack-backend/values.yaml(3,11): error WT1004: 'image.digest' is an alias (*d); the editor does not edit through aliases, because that would change every place sharing the anchored node. Write the value here instead of the alias.|"
            + "charts/welltrack-backend/values.yaml(1,1): error WT1003: 'image.missing' was not found: image has no key 'missing'.",
            string.Join("|", result.Diagnostics));
    }
}
