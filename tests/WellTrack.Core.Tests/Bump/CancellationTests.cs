using WellTrack.Core.Git;
using WellTrack.Testing;
using static WellTrack.Core.Tests.Bump.BumpTestSupport;

namespace WellTrack.Core.Tests.Bump;

/// <summary>
/// A cancelled bump (Ctrl+C, a stopped CI job) stops its git process or its wait at once, puts the working copy back,
/// leaves the remote whole and says so with a coded diagnostic. The tests' timeouts only stop a hung run: a bump that
/// ignored the cancellation would wait for its ten-minute network timeout.
/// </summary>
[TestClass]
public sealed class CancellationTests
{
    private static readonly TimeSpan LongNetworkTimeout = TimeSpan.FromMinutes(10);

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task CancelledWhilePushingToAHangingRemoteStopsAndLeavesEverythingWhole()
    {
        using var network = new NetworkBumpSupport(charts: 1);
        using var proxy = new FaultyTcpProxy(network.Daemon.Port) { StallPushes = true };
        var head = TestGit.Head(network.Fixture.BareRepository);
        using var cancellation = new CancellationTokenSource();
        var request = network.Request(proxy.UrlFor("gitops.git"), 0) with { NetworkTimeout = LongNetworkTimeout };

        var bump = Task.Run(() => network.Run(request, cancellation.Token));
        await proxy.PushStalled;
        await cancellation.CancelAsync();
        var result = await bump;

        Assert.AreEqual("WT2014", result.Diagnostics.Single().Code, Describe(result));
        Assert.AreEqual(head, TestGit.Head(network.Fixture.BareRepository), "the held push never reached the remote");
        Assert.AreEqual(string.Empty, TestGit.Run(network.Fixture.BareRepository, "fsck", "--no-progress", "--no-dangling").Trim());
        var clone = Directory.GetDirectories(request.CacheDirectory!).Single(d => !d.EndsWith(".lock", StringComparison.Ordinal));
        Assert.AreEqual(head, TestGit.Head(clone, "HEAD"), "the cache's bump commit was undone");
        Assert.AreEqual(string.Empty, TestGit.Run(clone, "status", "--porcelain"));
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void CancelledDuringTheBackoffStopsWithoutAnotherTry()
    {
        using var network = new NetworkBumpSupport(charts: 1);
        using var cancellation = new CancellationTokenSource();
        network.Logged += line =>
        {
            if (line.Contains(NetworkBumpSupport.RetryLine, StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        };
        var request = network.Request($"git://127.0.0.1:{FreeTcpPort.Find()}/gitops.git", 0, maxAttempts: 1000);

        var result = network.Run(request, cancellation.Token);

        Assert.AreEqual("WT2013", result.Diagnostics.Single().Code, Describe(result));
        Assert.AreEqual(1, network.Commands.Count(c => c.Arguments[0] == "clone"), "no try after the cancellation");
        Assert.IsFalse(Directory.EnumerateDirectories(network.Fixture.Root, "*.cloning", SearchOption.AllDirectories).Any(), "no half clone left");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void CancelledBeforeTheCommitPutsTheWorkingCopyBack()
    {
        using var fixture = new GitOpsFixture();
        var workingCopy = Path.Combine(fixture.Root, "wc");
        TestGit.Run(fixture.Root, "clone", "--quiet", fixture.BareRepository, workingCopy);
        var head = TestGit.Head(workingCopy, "HEAD");
        using var cancellation = new CancellationTokenSource();
        // The check runs after the edit is written and before the commit: cancelling there is the worst moment.
        var check = new CancellingCheck(cancellation);
        var bumper = new WellTrack.Core.Bump.ImageTagBumper(new GitProcessRunner(), [check]);

        var result = bumper.Run(Request(fixture) with { Repository = workingCopy }, cancellation.Token);

        Assert.IsTrue(check.Ran);
        Assert.AreEqual("WT2013", result.Diagnostics.Single().Code, Describe(result));
        Assert.AreEqual(head, TestGit.Head(workingCopy, "HEAD"));
        Assert.AreEqual(string.Empty, TestGit.Run(workingCopy, "status", "--porcelain"), "the edited file has its old bytes");
        Assert.AreEqual(TestGit.Head(fixture.BareRepository), head);
    }

    [TestMethod]
    public void CancelledWaitForTheCacheLockThrowsAtOnce()
    {
        using var directory = new TemporaryDirectory("welltrack-lock-");
        var lockFile = Path.Combine(directory.Path, "cache.lock");
        using var held = DirectoryLock.Acquire(lockFile, TimeSpan.FromSeconds(1));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => DirectoryLock.Acquire(lockFile, TimeSpan.FromMinutes(10), cancellation.Token));
    }

    private sealed class CancellingCheck(CancellationTokenSource cancellation) : WellTrack.Core.Bump.IBumpCheck
    {
        public bool Ran { get; private set; }

        public IReadOnlyList<WellTrack.Diagnostics.Diagnostic> Check(string root, IReadOnlyList<WellTrack.Core.Bump.BumpFileChange> files)
        {
            Ran = true;
            cancellation.Cancel();
            return [];
        }
    }
}
