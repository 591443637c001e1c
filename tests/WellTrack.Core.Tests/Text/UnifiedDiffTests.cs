using WellTrack.Core.Text;

namespace WellTrack.Core.Tests.Text;

[TestClass]
public sealed class UnifiedDiffTests
{
    [TestMethod]
    public void OneChangedLineShowsThreeLinesOfContextEachSide()
    {
        var before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        var after = "a\nb\nc\nd\nE\nf\ng\nh\n";

        var diff = UnifiedDiff.Create("values.yaml", before, after);

        Assert.AreEqual("--- a/values.yaml\n+++ b/values.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n", diff);
    }

    [TestMethod]
    public void IdenticalTextsHaveNoDiff() => Assert.AreEqual(string.Empty, UnifiedDiff.Create("x", "a\n", "a\n"));

    [TestMethod]
    public void DistantChangesMakeSeparateHunks()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"l{i}\n").ToList();
        var before = string.Concat(lines);
        lines[1] = "L2\n";
        lines[17] = "L18\n";

        var diff = UnifiedDiff.Create("f", before, string.Concat(lines));

        StringAssert.Contains(diff, "@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n");
        StringAssert.Contains(diff, "@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+L18\n l19\n l20\n");
    }

    [TestMethod]
    public void MissingFinalNewlineIsMarkedAsGitDoes()
    {
        var diff = UnifiedDiff.Create("f", "tag: a", "tag: b");

        Assert.AreEqual("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-tag: a\n\\ No newline at end of file\n+tag: b\n\\ No newline at end of file\n", diff);
    }

    [TestMethod]
    public void AddedLineAtEnd()
    {
        var diff = UnifiedDiff.Create("f", "a\n", "a\nb\n");

        Assert.AreEqual("--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n a\n+b\n", diff);
    }
}
