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
    // A refused connection on a host that answered a moment ago is a server out of slots or restarting: tried again.
    [DataRow("fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused", GitFailureKind.Transient)]
    [DataRow("fatal: read error: Connection reset by peer\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.", GitFailureKind.Transient)]
    [DataRow("fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.", GitFailureKind.Transient)]
    [DataRow("fatal: the remote end hung up unexpectedly", GitFailureKind.Transient)]
    [DataRow("error: RPC failed; curl 18 transfer closed with outstanding read data remaining\nfatal: early EOF\nfatal: index-pack failed", GitFailureKind.Transient)]
    [DataRow("fatal: unable to access 'https://example.test/x.git/': The requested URL returned error: 503", GitFailureKind.Transient)]
    [DataRow("error: RPC failed; HTTP 429 curl 22 The requested URL returned error: 429\nsend-pack: unexpected disconnect while reading sideband packet", GitFailureKind.Transient)]
    [DataRow("fatal: unable to access 'https://example.test/x.git/': Failed to connect to example.test port 443 after 130000 ms: Connection timed out", GitFailureKind.Transient)]
    [DataRow("fatal: unable to access 'http://127.0.0.1:1/x.git/': Recv failure: Connection reset by peer", GitFailureKind.Transient)]
    [DataRow("fatal: '/srv/x.git' does not appear to be a git repository\nfatal: Could not read from remote repository.", GitFailureKind.Unreachable)]
    [DataRow("fatal: remote error: no such repository: /nope.git", GitFailureKind.Unreachable)]
    [DataRow("fatal: remote error: access denied or repository not exported: /x.git", GitFailureKind.Unreachable)]
    [DataRow("remote: Repository not found.\nfatal: repository 'https://example.test/x.git/' not found", GitFailureKind.Unreachable)]
    [DataRow("git@example.test: Permission denied (publickey).\nfatal: Could not read from remote repository.", GitFailureKind.Authentication)]
    [DataRow("fatal: unable to access 'https://example.test/x.git/': The requested URL returned error: 502\nfatal: Authentication failed for 'https://example.test/x.git/'", GitFailureKind.Authentication)]
    [DataRow("!\tHEAD:refs/heads/main\t[remote rejected] (pre-receive hook declined)\nerror: failed to push some refs", GitFailureKind.Refused)]
    [DataRow("remote: GitLab: You are not allowed to push code to protected branches on this project.\n ! [remote rejected] HEAD -> main (pre-receive hook declined)", GitFailureKind.Refused)]
    [DataRow(" ! [remote rejected] HEAD -> main (cannot lock ref 'refs/heads/main': is at 1234 but expected 5678)", GitFailureKind.Rejected)]
    [DataRow("fatal: Could not resolve host: nowhere.invalid", GitFailureKind.Unreachable)]
    [DataRow("warning: Could not find remote branch nope to clone.\nfatal: Remote branch nope not found in upstream origin", GitFailureKind.MissingBranch)]
    [DataRow("fatal: couldn't find remote ref refs/heads/nope", GitFailureKind.MissingBranch)]
    [DataRow("fatal: something else entirely", GitFailureKind.Other)]
    public void ClassifiesGitsWording(string stderr, GitFailureKind expected)
        => Assert.AreEqual(expected, GitFailureClassifier.Classify(new GitResult(1, string.Empty, stderr)));

    [TestMethod]
    [DataRow("< HTTP/1.1 429 Too Many Requests\n< Retry-After: 7\nfatal: ... returned error: 429", 7)]
    [DataRow("< retry-after: 3600\n", 120)]
    [DataRow("< Retry-After: Wed, 09 Dec 2026 10:00:30 GMT\n", 30)]
    public void RetryAfterIsReadInSecondsOrAsADateAndCapped(string stderr, int seconds)
    {
        var now = new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero);

        Assert.AreEqual(TimeSpan.FromSeconds(seconds), GitFailureClassifier.RetryAfter(new GitResult(128, string.Empty, stderr), now));
    }

    [TestMethod]
    public void NoRetryAfterMeansTheBackoffDecides()
        => Assert.IsNull(GitFailureClassifier.RetryAfter(new GitResult(128, string.Empty, "fatal: the remote end hung up unexpectedly"), DateTimeOffset.UnixEpoch));

    [TestMethod]
    public void SummaryKeepsTheFatalAndErrorLines()
    {
        var result = new GitResult(128, string.Empty, "Cloning into 'x'...\nremote: Counting objects\nfatal: repository 'x' not found\n");

        Assert.AreEqual("fatal: repository 'x' not found", GitFailureClassifier.Summarize(result));
    }
}
