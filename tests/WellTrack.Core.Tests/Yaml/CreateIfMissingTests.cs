using WellTrack.Core.Yaml;
using static WellTrack.Core.Tests.Yaml.YamlEditAssert;

namespace WellTrack.Core.Tests.Yaml;

/// <summary>With CreateIfMissing, a missing key is added where a person would add it, written the way the file is written.</summary>
[TestClass]
public sealed class CreateIfMissingTests
{
    private static ScalarEdit Create(string path, string value) => new(path, value, CreateIfMissing: true);

    [TestMethod]
    public void AddsTheKeyAfterItsSiblingsWithTheirIndentation()
        => Edits(
            "image:\n  repository: r\n  pullPolicy: Always\n\nservice:\n  port: 3001\n",
            "image:\n  repository: r\n  pullPolicy: Always\n  tag: v1\n\nservice:\n  port: 3001\n",
            Create("image.tag", "v1"));

    [TestMethod]
    public void KeepsTheCommentOnTheLastSiblingsLine()
        => Edits(
            "image:\n    repository: r   # registry\n# next section\nservice: {}\n",
            "image:\n    repository: r   # registry\n    tag: v1\n# next section\nservice: {}\n",
            Create("image.tag", "v1"));

    [TestMethod]
    public void KeepsAMissingFinalNewline()
        => Edits("image:\n  repository: r", "image:\n  repository: r\n  tag: v1", Create("image.tag", "v1"));

    [TestMethod]
    public void UsesTheFilesCrlfLineBreak()
        => Edits("image:\r\n  repository: r\r\n", "image:\r\n  repository: r\r\n  tag: v1\r\n", Create("image.tag", "v1"));

    [TestMethod]
    public void QuotesACreatedValueThatWouldNotReadAsAString()
    {
        var result = Edits("image:\n  repository: r\n", "image:\n  repository: r\n  tag: \"1.10\"\n", Create("image.tag", "1.10"));
        Assert.AreEqual(new ScalarChange("image.tag", null, "1.10", 3, 8, null), result.Changes.Single());
    }

    [TestMethod]
    public void CreatesMissingParentMappingsWithTheFilesIndentStep()
        => Edits(
            "replicaCount: 1\nservice:\n    port: 3001\n",
            "replicaCount: 1\nservice:\n    port: 3001\nimage:\n    tag: v1\n",
            Create("image.tag", "v1"));

    [TestMethod]
    public void CreatesMissingParentsWithTwoSpacesWhenTheFileHasNoNesting()
        => Edits("replicaCount: 1\n", "replicaCount: 1\nimage:\n  tag: v1\n", Create("image.tag", "v1"));

    [TestMethod]
    public void NestsUnderAnIndentedMappingUsingItsOwnStep()
        => Edits("a:\n   b: 1\n", "a:\n   b: 1\n   c:\n      d: v\n", Create("a.c.d", "v"));

    [TestMethod]
    public void InsertsAfterTheLastLineOfANestedLastEntry()
        => Edits(
            "image:\n  repository: r\nresources:\n  limits:\n    cpu: 1   # c\n\n# end\n",
            "image:\n  repository: r\nresources:\n  limits:\n    cpu: 1   # c\nnodeSelector: linux\n\n# end\n",
            Create("nodeSelector", "linux"));

    [TestMethod]
    public void InsertsAfterABlockScalarWithoutChangingIt()
        => Edits("a: |\n  text\n\nb: |\n  more\n\n", "a: |\n  text\n\nb: |\n  more\nc: v\n\n", Create("c", "v"));

    [TestMethod]
    public void InsertsAfterASequenceOfMappings()
        => Edits(
            "env:\n  - name: A\n    value: \"1\"\n",
            "env:\n  - name: A\n    value: \"1\"\nimage:\n  tag: v1\n",
            Create("image.tag", "v1"));

    [TestMethod]
    public void AppendsToAFlowMapping()
        => Edits("image: {repository: r }  # c\n", "image: {repository: r, tag: v1 }  # c\n", Create("image.tag", "v1"));

    [TestMethod]
    public void FillsAnEmptyFlowMapping()
        => Edits("image: {}\n", "image: {tag: v1}\n", Create("image.tag", "v1"));

    [TestMethod]
    public void NestsMissingParentsInsideAFlowMapping()
        => Edits("values: {a: 1}\n", "values: {a: 1, image: {tag: \"1.0\"}}\n", Create("values.image.tag", "1.0"));

    [TestMethod]
    public void SeveralCreatedKeysShareTheParentTheFirstOneCreated()
    {
        var result = Edits(
            "replicaCount: 1\n",
            "replicaCount: 1\nimage:\n  repository: r\n  tag: v1\n",
            Create("image.repository", "r"),
            Create("image.tag", "v1"));
        CollectionAssert.AreEqual(
            new[] { new ScalarChange("image.repository", null, "r", 3, 15, null), new ScalarChange("image.tag", null, "v1", 4, 8, null) },
            result.Changes.ToArray());
    }

    [TestMethod]
    public void AnExistingKeyIsEditedInPlace()
        => Edits("image:\n  tag: a\n", "image:\n  tag: b\n", Create("image.tag", "b"));

    [TestMethod]
    public void QuotesACreatedKeyThatNeedsIt()
        => Edits("a: 1\n", "a: 1\n\"true\": v\n", Create("true", "v"));
}
