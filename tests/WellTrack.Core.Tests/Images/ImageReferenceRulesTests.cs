using WellTrack.Core.Images;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Images;

[TestClass]
public sealed class ImageReferenceRulesTests
{
    private static readonly SourceLocation Where = new("values.yaml", 7, 8);
    private static readonly string Sha256 = new string('0', 32) + "0123456789abcdef0123456789abcdef";

    [TestMethod]
    [DataRow("latest")]
    [DataRow("1a2b3c4")]
    [DataRow("v1.2.3-rc.1")]
    [DataRow("_internal")]
    [DataRow("1.10")]
    [DataRow("a")]
    public void AcceptsOciTags(string tag)
    {
        Assert.IsTrue(ImageReferenceRules.IsValidTag(tag));
        Assert.IsNull(ImageReferenceRules.CheckTag(tag, Where));
    }

    [TestMethod]
    public void AcceptsA128CharacterTag() => Assert.IsNull(ImageReferenceRules.CheckTag(new string('a', 128), Where));

    [TestMethod]
    public void RefusesAnEmptyTag()
        => Assert.AreEqual("values.yaml(7,8): error WT1020: The image tag is empty.", ImageReferenceRules.CheckTag("", Where)!.ToString());

    [TestMethod]
    public void RefusesA129CharacterTag()
    {
        var error = ImageReferenceRules.CheckTag(new string('a', 129), null)!;
        Assert.IsFalse(ImageReferenceRules.IsValidTag(new string('a', 129)));
        Assert.AreEqual($"welltrack: error WT1021: The image tag '{new string('a', 128)}...' is 129 characters long; the limit is 128.", error.ToString());
    }

    [TestMethod]
    [DataRow("a b", 2, "' '", DisplayName = "space")]
    [DataRow("a: b", 2, ":", DisplayName = "colon space")]
    [DataRow("1.0\n", 4, "\\n", DisplayName = "trailing newline")]
    [DataRow("1.0\nrm -rf", 4, "\\n", DisplayName = "newline inside")]
    [DataRow(".hidden", 1, ".", DisplayName = "leading dot")]
    [DataRow("-flag", 1, "-", DisplayName = "leading dash")]
    [DataRow("feature/x", 8, "/", DisplayName = "slash")]
    [DataRow("caf\u00e9", 4, "\u00e9", DisplayName = "non-ASCII letter")]
    public void RefusesATagWithABadCharacterAndSaysWhere(string tag, int position, string shown)
    {
        Assert.IsFalse(ImageReferenceRules.IsValidTag(tag));
        var error = ImageReferenceRules.CheckTag(tag, Where)!;
        Assert.AreEqual(("WT1022", 7, 8), (error.Code, error.Line, error.Column));
        StringAssert.Contains(error.Message, $"at position {position} ({shown})");
        Assert.DoesNotContain("\n", error.Message, "the message stays on one line");
    }

    [TestMethod]
    public void AcceptsASha256Digest()
    {
        Assert.IsTrue(ImageReferenceRules.IsValidDigest("sha256:" + Sha256));
        Assert.IsNull(ImageReferenceRules.CheckDigest("sha256:" + Sha256, Where));
    }

    [TestMethod]
    [DataRow("", DisplayName = "empty")]
    [DataRow("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", DisplayName = "no algorithm")]
    [DataRow("sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", DisplayName = "uppercase")]
    [DataRow("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde", DisplayName = "63 digits")]
    [DataRow("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0", DisplayName = "65 digits")]
    [DataRow("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n", DisplayName = "trailing newline")]
    [DataRow("sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", DisplayName = "other algorithm")]
    [DataRow("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg", DisplayName = "not hexadecimal")]
    public void RefusesAnythingButSha256AndSixtyFourLowercaseHexDigits(string digest)
    {
        Assert.IsFalse(ImageReferenceRules.IsValidDigest(digest));
        var error = ImageReferenceRules.CheckDigest(digest, Where)!;
        Assert.AreEqual(("WT1023", 7, 8), (error.Code, error.Line, error.Column));
        Assert.DoesNotContain("\n", error.Message);
    }
}
