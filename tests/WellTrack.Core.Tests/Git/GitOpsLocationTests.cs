using WellTrack.Core.Git;
using WellTrack.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Git;

[TestClass]
public sealed class GitOpsLocationTests
{
    [TestMethod]
    [DataRow("https://github.com/example/gitops.git")]
    [DataRow("ssh://git@github.com/example/gitops.git")]
    [DataRow("git@github.com:example/gitops.git")]
    [DataRow("git://127.0.0.1:9418/gitops.git")]
    [DataRow("file:///srv/gitops.git")]
    public void UrlsAreRemotes(string url)
    {
        var location = GitOpsLocation.Parse(url, "/");

        Assert.AreEqual(GitOpsLocationKind.Remote, location.Kind);
        Assert.AreEqual(url, location.CloneUrl);
    }

    [TestMethod]
    public void BareRepositoryPathIsClonedThroughFileUrl()
    {
        using var temp = new TemporaryDirectory();
        var bare = TestGit.CreateBareRepository(temp.Path, new Dictionary<string, string> { ["a"] = "a" });

        var location = GitOpsLocation.Parse("gitops.git", temp.Path);

        Assert.AreEqual(GitOpsLocationKind.BareRepository, location.Kind);
        Assert.AreEqual(new Uri(bare).AbsoluteUri, location.CloneUrl);
    }

    [TestMethod]
    public void WorkingCopyIsUsedInPlace()
    {
        using var temp = new TemporaryDirectory();
        TestGit.Run(temp.Path, "init", "--quiet");

        var location = GitOpsLocation.Parse(temp.Path, "/");

        Assert.AreEqual(GitOpsLocationKind.WorkingCopy, location.Kind);
        Assert.AreEqual(temp.Path, location.WorkingCopyPath);
    }

    [TestMethod]
    public void PlainDirectoryIsRefused()
    {
        using var temp = new TemporaryDirectory();

        var error = Assert.ThrowsExactly<DiagnosticException>(() => GitOpsLocation.Parse(temp.Path, "/"));

        Assert.AreEqual("WT2004", error.Diagnostic.Code);
    }

    [TestMethod]
    public void MissingPathIsRefused()
    {
        var error = Assert.ThrowsExactly<DiagnosticException>(() => GitOpsLocation.Parse("/nonexistent/gitops", "/"));

        Assert.AreEqual("WT2004", error.Diagnostic.Code);
    }

    [TestMethod]
    [DataRow("https://user:ghp_secret@github.com/x.git", "https://***@github.com/x.git")]
    [DataRow("https://github.com/x.git", "https://github.com/x.git")]
    [DataRow("git@github.com:x.git", "git@github.com:x.git")]
    public void UserInformationIsRedactedForDisplay(string url, string expected)
        => Assert.AreEqual(expected, GitOpsLocation.RedactUserInfo(url));
}
