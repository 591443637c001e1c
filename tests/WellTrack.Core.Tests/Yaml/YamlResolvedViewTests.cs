using WellTrack.Core.Yaml;

namespace WellTrack.Core.Tests.Yaml;

/// <summary>
/// The resolved view the validator reads with (it replaced YamlDotNet's representation model): aliases stand for
/// their anchored node, and what that model refused is refused at the same position with the same words.
/// </summary>
[TestClass]
public sealed class YamlResolvedViewTests
{
    [TestMethod]
    public void AnAliasIsItsAnchoredNodeWithTheAnchorsPosition()
    {
        var root = Parse("base: &b\n  cpu: 1\nother: *b\n").Single();
        Assert.AreSame(root.Child("base"), root.Child("other"));
        Assert.AreEqual((1, 7), (root.Child("other")!.Line, root.Child("other")!.Column));
    }

    [TestMethod]
    public void AnAliasBeforeItsAnchorIsResolvedWhenTheDocumentEnds()
    {
        var root = Parse("first: [*later]\nsecond: &later x\n").Single();
        Assert.AreEqual("x", root.Child("first").Items().Single().Text());
    }

    [TestMethod]
    public void AnchorsDoNotCrossDocuments()
        => AssertRefused("a: &x 1\n---\nb: *x\n", 1, 1, "The anchor 'x' does not exists", duplicateKey: false);

    [TestMethod]
    [DataRow("a: 1\nb: 2\na: 3\n", 3, 1, "Duplicate key a", DisplayName = "a repeated scalar key")]
    [DataRow("? [x, y]\n: 1\n? [x, y]\n: 2\n", 3, 3, "Duplicate key [ x, y ]", DisplayName = "a repeated sequence key")]
    public void ARepeatedKeyIsRefusedWhereItIsRepeated(string text, int line, int column, string message)
        => AssertRefused(text, line, column, message, duplicateKey: true);

    [TestMethod]
    public void TheSameTextWithAnotherTagIsAnotherKey()
        => Assert.AreEqual(2, ((YamlSourceMapping)Parse("5: a\n!!str 5: b\n").Single()).Entries.Count);

    [TestMethod]
    public void ADocumentThatIsOnlyAnAliasIsRefused()
        => AssertRefused("*x\n", 1, 1, "A document cannot contain only an alias", duplicateKey: false);

    /// <summary>The representation model built a cycle here, which the validator's walkers recursed into until the
    /// process died; the resolved view refuses it at the alias.</summary>
    [TestMethod]
    public void AnAliasInsideItsOwnAnchorIsRefused()
        => AssertRefused("a: &x\n  b: *x\n", 2, 6, "The alias *x refers to a node that contains it", duplicateKey: false);

    [TestMethod]
    public void UnreadableTextGivesThePositionOfTheLastEventThatParsed()
    {
        Assert.IsNull(YamlSourceParser.TryParseResolved("a: [1, 2\nb: 3\n", out var error));
        Assert.IsFalse(error!.DuplicateKey);
        Assert.IsTrue(error.Line >= 1 && error.Column >= 1, error.ToString());
    }

    private static IReadOnlyList<YamlSourceNode> Parse(string text)
        => YamlSourceParser.TryParseResolved(text, out var error) ?? throw new AssertFailedException(error!.ToString());

    private static void AssertRefused(string text, int line, int column, string message, bool duplicateKey)
    {
        Assert.IsNull(YamlSourceParser.TryParseResolved(text, out var error));
        Assert.AreEqual(new YamlParseError(line, column, message, duplicateKey), error);
    }
}
