using WellTrack.Core.Bump;
using WellTrack.Core.Git;
using WellTrack.Testing;
using static WellTrack.Core.Tests.Bump.BumpTestSupport;

namespace WellTrack.Core.Tests.Bump;

[TestClass]
public sealed class ImageTagBumperTests
{
    private const string BackendValues = "charts/welltrack-backend/values.yaml";

    [TestMethod]
    public void BumpChangesOnlyTheTagBytesAndPushesOneCommit()
    {
        using var fixture = new GitOpsFixture();
        var before = fixture.Show(BackendValues);
        var commitsBefore = fixture.Commits();

        var result = RunBump(Request(fixture));

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.IsTrue(result.Pushed);
        CollectionAssert.AreEqual(commitsBefore.Prepend(result.CommitId!).ToList(), fixture.Commits().ToList());
        Assert.AreEqual(before.Replace("tag: 1a2b3c4 #", "tag: 5d6e7f8 #"), fixture.Show(BackendValues));
        var changed = TestGit.Run(fixture.BareRepository, "diff", "--name-only", "main~1", "main").Trim();
        Assert.AreEqual(BackendValues, changed);
    }

    [TestMethod]
    public void CommitMessageNamesChartPathOldAndNewAndRecordsTheSource()
    {
        using var fixture = new GitOpsFixture();

        var result = RunBump(Request(fixture) with { Digest = Digest });

        Assert.IsTrue(result.Succeeded, Describe(result));
        var message = TestGit.Run(fixture.BareRepository, "log", "-1", "--format=%B", "main");
        StringAssert.StartsWith(message, "welltrack-backend: image.tag 1a2b3c4 -> 5d6e7f8\n");
        StringAssert.Contains(message, "WellTrack-Source-Repository: https://github.com/hongda-zhu/PTI-WellTrackBack.git\n");
        StringAssert.Contains(message, "WellTrack-Source-Commit: 5d6e7f8aaaabbbbccccddddeeeeffff000011112\n");
        StringAssert.Contains(message, $"WellTrack-Image-Digest: {Digest}\n");
        var trailers = TestGit.Run(fixture.BareRepository, "log", "-1", "--format=%(trailers:key=WellTrack-Source-Commit,valueonly)", "main").Trim();
        Assert.AreEqual("5d6e7f8aaaabbbbccccddddeeeeffff000011112", trailers);
        Assert.AreEqual("welltrack-bot <welltrack-bot@users.noreply.welltrack.local>", TestGit.Run(fixture.BareRepository, "log", "-1", "--format=%an <%ae>", "main").Trim());
    }

    [TestMethod]
    public void DigestIsWrittenWhereTheValuesFileHasTheKeyAndNotAddedElsewhere()
    {
        using var fixture = new GitOpsFixture();
        var frontendBefore = fixture.Show("charts/welltrack-frontend/values.yaml");

        var result = RunBump(Request(fixture, "5d6e7f8", "welltrack-backend", "welltrack-frontend") with { Digest = Digest });

        Assert.IsTrue(result.Succeeded, Describe(result));
        StringAssert.Contains(fixture.Show(BackendValues), $"  digest: \"{Digest}\"\n");
        Assert.AreEqual(frontendBefore.Replace("tag: 1a2b3c4", "tag: 5d6e7f8"), fixture.Show("charts/welltrack-frontend/values.yaml"));
    }

    [TestMethod]
    public void ThreeChartsLandInOneCommit()
    {
        using var fixture = new GitOpsFixture();
        var commitsBefore = fixture.Commits().Count;

        var result = RunBump(Request(fixture, "2f3e4d5", "welltrack-frontend", "welltrack-backend", "welltrack-ml"));

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.AreEqual(commitsBefore + 1, fixture.Commits().Count);
        var changed = TestGit.Run(fixture.BareRepository, "diff", "--name-only", "main~1", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.AreEquivalent(
            new[] { "charts/welltrack-frontend/values.yaml", "charts/welltrack-backend/values.yaml", "charts/welltrack-ml/values.yaml" },
            changed);
        StringAssert.StartsWith(result.CommitMessage, "welltrack-frontend, welltrack-backend, welltrack-ml: image.tag -> 2f3e4d5\n");
    }

    [TestMethod]
    public void SameTagAgainMakesNoCommit()
    {
        using var fixture = new GitOpsFixture();
        var head = TestGit.Head(fixture.BareRepository);

        var result = RunBump(Request(fixture, GitOpsFixture.InitialTag));

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.IsFalse(result.Changed);
        Assert.IsNull(result.CommitId);
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
    }

    [TestMethod]
    public void DryRunPrintsDiffAndMessageAndTouchesNeitherRemoteNorCache()
    {
        using var fixture = new GitOpsFixture();
        var head = TestGit.Head(fixture.BareRepository);

        var result = RunBump(Request(fixture) with { DryRun = true });

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.IsNull(result.CommitId);
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
        Assert.AreEqual(0, Directory.EnumerateFileSystemEntries(fixture.CacheDirectory).Count());
        StringAssert.Contains(result.Diff, "-  tag: 1a2b3c4 # Updated by CI\n+  tag: 5d6e7f8 # Updated by CI\n");
        StringAssert.StartsWith(result.Diff, $"--- a/{BackendValues}\n+++ b/{BackendValues}\n");
        StringAssert.StartsWith(result.CommitMessage, "welltrack-backend: image.tag 1a2b3c4 -> 5d6e7f8");
    }

    [TestMethod]
    public void CacheCloneIsReusedAndFollowsTheRemote()
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, "aaaaaaa")).Succeeded);
        fixture.PushConcurrentChange("README.md", text => text + "edited elsewhere\n");

        var result = RunBump(Request(fixture, "bbbbbbb"));

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.AreEqual(1, Directory.GetDirectories(fixture.CacheDirectory).Length);
        StringAssert.Contains(fixture.Show("README.md"), "edited elsewhere");
        StringAssert.Contains(fixture.Show(BackendValues), "tag: bbbbbbb");
    }

    [TestMethod]
    public void RejectedPushIsReappliedOnTheNewTipWithoutLosingTheOtherChange()
    {
        using var fixture = new GitOpsFixture();
        var runner = new GitProcessRunner();
        var raced = false;
        runner.Starting += command =>
        {
            if (!raced && command.Arguments.Contains("push"))
            {
                raced = true;
                fixture.PushConcurrentChange("charts/welltrack-backend/values.yaml", text => text.Replace("replicaCount: 1", "replicaCount: 2"));
            }
        };

        var result = RunBump(Request(fixture), runner);

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.AreEqual(2, result.Attempts);
        var values = fixture.Show(BackendValues);
        StringAssert.Contains(values, "replicaCount: 2");
        StringAssert.Contains(values, "tag: 5d6e7f8");
        Assert.AreEqual("0", TestGit.Run(fixture.BareRepository, "rev-list", "--merges", "--count", "main").Trim(), "history stays linear");
    }

    [TestMethod]
    public void WorkingCopyWithoutRemoteIsCommittedInPlace()
    {
        using var fixture = new GitOpsFixture();
        var workingCopy = Path.Combine(fixture.Root, "working-copy");
        TestGit.Run(fixture.Root, "clone", "--quiet", fixture.BareRepository, workingCopy);
        TestGit.Run(workingCopy, "remote", "remove", "origin");

        var result = RunBump(Request(fixture) with { Repository = workingCopy });

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.IsFalse(result.Pushed);
        Assert.AreEqual(result.CommitId, TestGit.Head(workingCopy, "HEAD"));
        StringAssert.Contains(File.ReadAllText(Path.Combine(workingCopy, BackendValues)), "tag: 5d6e7f8");
        Assert.AreEqual(string.Empty, TestGit.Run(workingCopy, "status", "--porcelain"));
    }

    [TestMethod]
    public void WorkingCopyWithRemotePushes()
    {
        using var fixture = new GitOpsFixture();
        var workingCopy = Path.Combine(fixture.Root, "working-copy");
        TestGit.Run(fixture.Root, "clone", "--quiet", fixture.BareRepository, workingCopy);

        var result = RunBump(Request(fixture) with { Repository = workingCopy });

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.IsTrue(result.Pushed);
        Assert.AreEqual(result.CommitId, TestGit.Head(fixture.BareRepository));
    }

    [TestMethod]
    public void NoPushCommitsLocallyOnly()
    {
        using var fixture = new GitOpsFixture();
        var head = TestGit.Head(fixture.BareRepository);

        var result = RunBump(Request(fixture) with { Push = false });

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.IsNotNull(result.CommitId);
        Assert.IsFalse(result.Pushed);
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
    }

    [TestMethod]
    public void SetRepositoryRewritesImageRepository()
    {
        using var fixture = new GitOpsFixture();

        var result = RunBump(Request(fixture) with { SetRepository = true, ImageRepository = "127.0.0.1:5000/welltrack-backend" });

        Assert.IsTrue(result.Succeeded, Describe(result));
        StringAssert.Contains(fixture.Show(BackendValues), "  repository: 127.0.0.1:5000/welltrack-backend\n");
    }

    [TestMethod]
    public void BumpOverGitDaemonNetworkTransport()
    {
        using var fixture = new GitOpsFixture();
        TestGit.Run(fixture.BareRepository, "config", "daemon.receivepack", "true");
        using var daemon = GitDaemon.Start(fixture.Root);

        var result = RunBump(Request(fixture) with { Repository = daemon.UrlFor("gitops.git") });

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.IsTrue(result.Pushed);
        StringAssert.Contains(fixture.Show(BackendValues), "tag: 5d6e7f8");
    }
}
