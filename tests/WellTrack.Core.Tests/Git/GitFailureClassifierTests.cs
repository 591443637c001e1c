using WellTrack.Core.Git;

namespace WellTrack.Core.Tests.Git;

[TestClass]
public sealed class GitFailureClassifierTests
{
    [TestMethod]
    [DataRow(" ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs", GitFailureKind.Rejected)]
    [DataRow(" ! [rejected]        HEAD -> main (non-fast-forward)", GitFailureKind.Rejected)]
    [DataRow("fatal: Authentication failed for 'https://example.test/x.git/'", GitFailureKind.Authentication)]
    [DataRow("fatal: could not read Username for 'https://example.test': terminal prompts disabled", GitFailureKind.Authentication)]
    [DataRow("fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused", GitFailureKind.Unreachable)]
    [DataRow("fatal: Could not resolve host: nowhere.invalid", GitFailureKind.Unreachable)]
    [DataRow("warning: Could not find remote branch nope to clone.\nfatal: Remote branch nope not found in upstream origin", GitFailureKind.MissingBranch)]
    [DataRow("fatal: couldn't find remote ref refs/heads/nope", GitFailureKind.MissingBranch)]
    [DataRow("fatal: something else entirely", GitFailureKind.Other)]
    public void ClassifiesGitsWording(string stderr, GitFailureKind expected)
        => Assert.AreEqual(expected, GitFailureClassifier.Classify(new GitResult(1, string.Empty, stderr)));

    [TestMethod]
    public void SummaryKeepsTheFatalAndErrorLines()
    {
        var result = new GitResult(128, string.Empty, "Cloning into 'x'...\nremote: Counting objects\nfatal: repository 'x' not found\n");

        Assert.AreEqual("fatal: repository 'x' not found", GitFailureClassifier.Summarize(result));
    }
}
