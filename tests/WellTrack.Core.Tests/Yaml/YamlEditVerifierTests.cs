using System.Text;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Tests.Yaml;

/// <summary>
/// The safety net compares two real parse results. These tests hand it edited texts that a faulty editor could
/// produce and check that each is refused (WT1013) at the node that changed.
/// </summary>
[TestClass]
public sealed class YamlEditVerifierTests
{
    private const string Original = "image:\n  repository: r\n  tag: '1.0'\nlabels: {team: api, tier: web}\nports:\n  - 80\n";

    [TestMethod]
    public void AcceptsAChangeOfTheTargetAloneInAnyQuoting()
        => Verify(Original, Original.Replace("'1.0'", "\"2.0\""), ("image.tag", "2.0"));

    [TestMethod]
    public void AcceptsAKeyCreatedWithItsParents()
        => Verify(Original, Original + "extra:\n  deep:\n    key: v\n", ("extra.deep.key", "v"));

    [TestMethod]
    [DataRow("  repository: r\n", "  repository: other\n", 2, 15, DisplayName = "another value changed")]
    [DataRow("tier: web", "tier: \"web\"", 4, 27, DisplayName = "another value's quoting changed")]
    [DataRow("  - 80\n", "  - 80\n  - 81\n", 6, 3, DisplayName = "a sequence item added")]
    [DataRow("team: api", "owner: api", 4, 17, DisplayName = "a key renamed")]
    [DataRow("{team: api, tier: web}", "{tier: web, team: api}", 4, 10, DisplayName = "keys reordered")]
    [DataRow("labels:", "&l labels:", 4, 1, DisplayName = "an anchor added")]
    public void RefusesAnyOtherDifference(string find, string replaceWith, int line, int column)
    {
        var edited = Original.Replace("'1.0'", "'2.0'").Replace(find, replaceWith);
        var diagnostic = Refuse(Original, edited, ("image.tag", "2.0"));
        Assert.AreEqual(("WT1013", "values.yaml", line, column), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column), diagnostic.ToString());
    }

    [TestMethod]
    public void RefusesWhenTheTargetDoesNotHoldTheNewValue()
    {
        var diagnostic = Refuse(Original, Original.Replace("'1.0'", "'2.1'"), ("image.tag", "2.0"));
        Assert.AreEqual(
            "values.yaml(3,8): error WT1013: The edit was refused because the result would differ from the original in more than the requested values: at 'image.tag' expected scalar '2.0' but found scalar '2.1' (SingleQuoted). Nothing was written.",
            diagnostic.ToString());
    }

    [TestMethod]
    public void RefusesAKeyCreatedInTheWrongMapping()
    {
        var diagnostic = Refuse(Original, Original.Replace("  tag: '1.0'\n", "  tag: '1.0'\n  digest: x\n"), ("labels.digest", "x"));
        Assert.AreEqual("WT1013", diagnostic.Code);
    }

    [TestMethod]
    public void DoesNotConfuseAKeyContainingSlashesWithANestedKey()
    {
        const string original = "a/b: 1\na:\n  b: 1\n";
        // The top-level "a/b" changed, but the edit asked for a -> b, which did not.
        var diagnostic = Refuse(original, "a/b: 2\na:\n  b: 1\n", ("a.b", "2"));
        Assert.AreEqual(("WT1013", 3, 6), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        StringAssert.Contains(diagnostic.Message, "at 'a.b' expected scalar '2' but found scalar '1' (Plain)");
    }

    private static void Verify(string original, string edited, params (string Path, string Value)[] edits)
        => YamlEditVerifier.Verify(Parse(original), Parse(edited), [.. edits.Select(e => (YamlPath.Parse("values.yaml", e.Path), e.Value))]);

    private static Diagnostic Refuse(string original, string edited, params (string Path, string Value)[] edits)
        => Assert.ThrowsExactly<DiagnosticException>(() => Verify(original, edited, edits)).Diagnostic;

    private static YamlSourceDocument Parse(string text)
        => YamlSourceParser.Parse(YamlSourceText.Decode("values.yaml", Encoding.UTF8.GetBytes(text)));
}
