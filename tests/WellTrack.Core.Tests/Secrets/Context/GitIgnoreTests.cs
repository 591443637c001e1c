using WellTrack.Core.Secrets.Files;

namespace WellTrack.Core.Tests.Secrets.Context;

[TestClass]
public sealed class GitIgnoreTests
{
    [TestMethod]
    [DataRow("*.log", "app.log", false, true)]
    [DataRow("*.log", "deep/dir/app.log", false, true)]
    [DataRow("/build", "build", true, true)]
    [DataRow("/build", "src/build", true, null)]
    [DataRow("docs/*.md", "docs/a.md", false, true)]
    [DataRow("docs/*.md", "docs/sub/a.md", false, null)]
    [DataRow("docs/**/*.md", "docs/sub/a.md", false, true)]
    [DataRow("**/fixtures", "tests/x/fixtures", true, true)]
    [DataRow("tmp/", "tmp", false, null)]
    [DataRow("tmp/", "tmp", true, true)]
    [DataRow("secret?.txt", "secret1.txt", false, true)]
    [DataRow("[ab].env", "b.env", false, true)]
    [DataRow("[!ab].env", "c.env", false, true)]
    public void PatternsMatchAsGitMatchesThem(string pattern, string path, bool isDirectory, bool? expected)
        => Assert.AreEqual(expected, GitIgnore.Parse([pattern]).Match(path, isDirectory));

    [TestMethod]
    public void TheLastMatchingRuleWinsAndNegationReincludes()
    {
        var rules = GitIgnore.Parse(["# comment", "*.env", "!example.env", ""]);
        Assert.IsTrue(rules.Match("prod.env", false));
        Assert.IsFalse(rules.Match("example.env", false));
        Assert.IsNull(rules.Match("values.yaml", false));
    }
}
