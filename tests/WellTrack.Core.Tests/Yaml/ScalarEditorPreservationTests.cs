using WellTrack.Core.Yaml;
using static WellTrack.Core.Tests.Yaml.YamlEditAssert;

namespace WellTrack.Core.Tests.Yaml;

/// <summary>A bump changes the characters of the target scalar and nothing else.</summary>
[TestClass]
public sealed class ScalarEditorPreservationTests
{
    [TestMethod]
    public void KeepsCommentsBlankLinesAndTheCommentOnTheValueLine()
    {
        const string input = """
            # WellTrack backend values
            replicaCount: 2

            image:
              repository: ghcr.io/welltrack/backend   # the registry
              # the tag CI writes
              tag: 1a2b3c4 # previous build

              pullPolicy: IfNotPresent

            service:
              port: 3001

            """;
        Edits(input, input.Replace("tag: 1a2b3c4 #", "tag: 5e6f7a8 #"), new ScalarEdit("image.tag", "5e6f7a8"));
    }

    [TestMethod]
    public void KeepsFourSpaceIndentationAndKeyOrder()
    {
        const string input = "service:\n    port: 3001\nimage:\n    tag: v1\n    repository: r\n    pullPolicy: Always\n";
        Edits(input, "service:\n    port: 3001\nimage:\n    tag: v2\n    repository: r\n    pullPolicy: Always\n", new ScalarEdit("image.tag", "v2"));
    }

    [TestMethod]
    public void KeepsCrlfLineEndings()
        => Edits(
            "image:\r\n  repository: r\r\n  tag: old # c\r\n  pullPolicy: Always\r\n",
            "image:\r\n  repository: r\r\n  tag: new # c\r\n  pullPolicy: Always\r\n",
            new ScalarEdit("image.tag", "new"));

    [TestMethod]
    public void KeepsTheUtf8ByteOrderMark()
        => EditsBytes(
            [0xEF, 0xBB, 0xBF, .. Bytes("image:\n  tag: old\n")],
            [0xEF, 0xBB, 0xBF, .. Bytes("image:\n  tag: new\n")],
            new ScalarEdit("image.tag", "new"));

    [TestMethod]
    public void KeepsAMissingFinalNewline()
        => Edits("image:\n  tag: old", "image:\n  tag: new", new ScalarEdit("image.tag", "new"));

    [TestMethod]
    public void EditsInsideAFlowMapping()
        => Edits(
            "image: {repository: r, tag: t}   # inline\nother: 1\n",
            "image: {repository: r, tag: 2.0.1}   # inline\nother: 1\n",
            new ScalarEdit("image.tag", "2.0.1"));

    [TestMethod]
    public void QuotesAFlowIndicatorInsideAFlowMapping()
        => Edits("image: {tag: t, pullPolicy: Always}\n", "image: {tag: \"a,b\", pullPolicy: Always}\n", new ScalarEdit("image.tag", "a,b"));

    [TestMethod]
    public void MapsOffsetsCorrectlyAfterMultiByteCharactersAndSurrogatePairs()
        => Edits(
            "# café ☕ 😀 déjà\nimage:\n  name: \"ñandú 🐦\"\n  tag: old # ünïcode\n",
            "# café ☕ 😀 déjà\nimage:\n  name: \"ñandú 🐦\"\n  tag: new-tag # ünïcode\n",
            new ScalarEdit("image.tag", "new-tag"));

    [TestMethod]
    public void KeepsSingleQuotesAndDoublesEmbeddedQuotes()
        => Edits("image:\n  tag: '1.0.0'\n", "image:\n  tag: 'it''s'\n", new ScalarEdit("image.tag", "it's"));

    [TestMethod]
    public void KeepsDoubleQuotesAndEscapesBackslashAndQuote()
        => Edits("image:\n  tag: \"1.0\"\n", "image:\n  tag: \"a\\\"b\\\\c\"\n", new ScalarEdit("image.tag", "a\"b\\c"));

    [TestMethod]
    public void ReplacesAPlainScalarThatSpansLines()
        => Edits("note: first\n  second\nb: 1\n", "note: one\nb: 1\n", new ScalarEdit("note", "one"));

    [TestMethod]
    public void ReplacesAQuotedScalarThatSpansLines()
        => Edits("note: \"first\n  second\"  # c\nb: 1\n", "note: \"one\"  # c\nb: 1\n", new ScalarEdit("note", "one"));

    [TestMethod]
    [DataRow("image:\n  tag:\n  x: 1\n", "image:\n  tag: v1\n  x: 1\n", DisplayName = "block, end of line")]
    [DataRow("image:\n  tag:   # none yet\n", "image:\n  tag: v1   # none yet\n", DisplayName = "block, before a comment")]
    [DataRow("image:\n  tag:", "image:\n  tag: v1", DisplayName = "block, end of file")]
    [DataRow("image: {tag: , x: 1}\n", "image: {tag: v1, x: 1}\n", DisplayName = "flow, before a comma")]
    [DataRow("image: {x: 1, tag}\n", "image: {x: 1, tag: v1}\n", DisplayName = "flow, key without colon")]
    public void FillsAnEmptyValue(string input, string expected)
        => Edits(input, expected, new ScalarEdit("image.tag", "v1"));

    [TestMethod]
    public void EditsSeveralScalarsInOneCall()
        => Edits(
            "image:\n  repository: old/repo\n  tag: \"1\"\n",
            "image:\n  repository: ghcr.io/welltrack/api\n  tag: \"2\"\n",
            new ScalarEdit("image.tag", "2"),
            new ScalarEdit("image.repository", "ghcr.io/welltrack/api"));

    [TestMethod]
    public void LeavesSequencesAnchorsAndAliasesElsewhereAlone()
    {
        const string input = "defaults: &defaults\n  cpu: 100m\nworker: *defaults\nenv:\n  - name: A\n    value: \"1\"\nimage:\n  tag: a\n";
        Edits(input, input.Replace("tag: a", "tag: b"), new ScalarEdit("image.tag", "b"));
    }

    [TestMethod]
    public void FollowsAnEscapedDotInAKey()
        => Edits(
            "podAnnotations:\n  prometheus.io/scrape: \"true\"\n",
            "podAnnotations:\n  prometheus.io/scrape: \"false\"\n",
            new ScalarEdit(@"podAnnotations.prometheus\.io/scrape", "false"));

    [TestMethod]
    public void MatchesQuotedKeysByTheirValue()
        => Edits("\"image\":\n  'tag': old\n", "\"image\":\n  'tag': new\n", new ScalarEdit("image.tag", "new"));

    [TestMethod]
    public void EditsAfterAnExplicitDocumentStartAndEnd()
        => Edits("---\nimage:\n  tag: a\n...\n", "---\nimage:\n  tag: b\n...\n", new ScalarEdit("image.tag", "b"));

    [TestMethod]
    public void SettingTheCurrentValueChangesNothing()
    {
        var input = Bytes("image:\n  tag: \"1.0\"   # same\n");
        var result = YamlScalarEditor.Apply(FileName, input, [new ScalarEdit("image.tag", "1.0")]);
        Assert.IsTrue(result.Succeeded);
        Assert.IsFalse(result.Changed);
        Assert.IsEmpty(result.Changes);
        CollectionAssert.AreEqual(input, result.Content);
    }

    [TestMethod]
    public void OnlyTheEditsThatChangeSomethingAreReported()
    {
        var result = Edits(
            "image:\n  repository: r\n  tag: a  # welltrack:pin until the 3.0 migration\n",
            "image:\n  repository: r\n  tag: b  # welltrack:pin until the 3.0 migration\n",
            new ScalarEdit("image.repository", "r"),
            new ScalarEdit("image.tag", "b"));
        Assert.AreEqual(new ScalarChange("image.tag", "a", "b", 3, 8, "welltrack:pin until the 3.0 migration"), result.Changes.Single());
    }

    [TestMethod]
    public void ReportsWhereTheNewValueIs()
    {
        var result = Edits("x: 1\nimage: {repository: r, tag: t} # c\n", "x: 1\nimage: {repository: r, tag: \"1.10\"} # c\n", new ScalarEdit("image.tag", "1.10"));
        Assert.AreEqual(new ScalarChange("image.tag", "t", "1.10", 2, 29, "c"), result.Changes.Single());
    }
}
