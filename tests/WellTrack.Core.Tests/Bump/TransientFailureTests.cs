using System.Net.Sockets;
using WellTrack.Core.Git;
using WellTrack.Testing;
using static WellTrack.Core.Tests.Bump.BumpTestSupport;

namespace WellTrack.Core.Tests.Bump;

/// <summary>
/// Concurrent bumps against a real git daemon that drops connections, directly or through a proxy that resets them or
/// loses a push's answer: every bump lands exactly once, the retries are in the log, and permanent failures still fail
/// at once.
/// </summary>
[TestClass]
public sealed class TransientFailureTests
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void DaemonOutOfConnectionSlotsDropsConnectionsAndEveryBumpStillLandsOnce()
    {
        using var network = new NetworkBumpSupport(charts: 4, maxConnections: 1);
        var before = network.Fixture.Commits();
        // A connection that never sends its request holds the daemon's only slot: every bump's clone is dropped
        // (after the daemon's second of grace) until the first retry is logged, which releases the slot.
        var holder = new TcpClient();
        holder.Connect("127.0.0.1", network.Daemon.Port);
        network.Logged += line =>
        {
            if (line.Contains(NetworkBumpSupport.RetryLine, StringComparison.Ordinal))
            {
                holder.Dispose();
            }
        };

        var results = network.RunConcurrently(network.Daemon.UrlFor("gitops.git"));

        network.AssertEachLandedOnce(results, before);
        Assert.IsGreaterThanOrEqualTo(1, network.RetryLines, "the daemon dropped connections and the bumps retried:\n" + string.Join("\n", network.Log));
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void ResetConnectionsAreRetriedAndEveryBumpLandsOnce()
    {
        using var network = new NetworkBumpSupport(charts: 5);
        using var proxy = new FaultyTcpProxy(network.Daemon.Port);
        var before = network.Fixture.Commits();
        proxy.ResetNextConnections(8);

        var results = network.RunConcurrently(proxy.UrlFor("gitops.git"));

        network.AssertEachLandedOnce(results, before);
        Assert.AreEqual(8, proxy.ConnectionsReset);
        Assert.AreEqual(8, network.RetryLines, "one logged retry per reset connection:\n" + string.Join("\n", network.Log));
        StringAssert.Contains(network.Log.First(line => line.Contains(NetworkBumpSupport.RetryLine, StringComparison.Ordinal)), "Connection reset by peer");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void PushWhoseAnswerIsLostIsFoundLandedAndNotRepeated()
    {
        using var network = new NetworkBumpSupport(charts: 1);
        using var proxy = new FaultyTcpProxy(network.Daemon.Port);
        var before = network.Fixture.Commits();
        proxy.LoseNextPushReplies(1);

        var result = network.Run(network.Request(proxy.UrlFor("gitops.git"), 0));

        network.AssertEachLandedOnce([result], before);
        Assert.AreEqual(1, proxy.PushRepliesLost);
        Assert.AreEqual(1, network.Commands.Count(c => c.Arguments[0] == "push"), "the landed commit was not pushed again");
        Assert.IsTrue(network.Log.Any(line => line.Contains("had landed", StringComparison.Ordinal)), string.Join("\n", network.Log));
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void PushResetBeforeTheServerSawItIsPushedAgainAsTheSameCommit()
    {
        using var network = new NetworkBumpSupport(charts: 1);
        using var proxy = new FaultyTcpProxy(network.Daemon.Port);
        var before = network.Fixture.Commits();
        proxy.ResetNextPushes(2);

        var result = network.Run(network.Request(proxy.UrlFor("gitops.git"), 0));

        network.AssertEachLandedOnce([result], before);
        Assert.AreEqual(2, proxy.PushesReset);
        Assert.AreEqual(3, network.Commands.Count(c => c.Arguments[0] == "push"));
        Assert.AreEqual(1, result.Attempts, "the same commit was pushed again, not re-applied");
        Assert.AreEqual(2, network.RetryLines);
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void MissingRepositoryFailsAtOnceWithoutRetries()
    {
        using var network = new NetworkBumpSupport(charts: 1);

        var result = network.Run(network.Request(network.Daemon.UrlFor("no-such-repository.git"), 0));

        Assert.AreEqual("WT2006", result.Diagnostics.Single().Code, Describe(result));
        Assert.AreEqual(1, network.Commands.Count(c => c.Arguments[0] == "clone"), "a missing repository is not retried");
        Assert.AreEqual(0, network.RetryLines);
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void PushDeclinedByAHookFailsAtOnceWithoutRetries()
    {
        using var network = new NetworkBumpSupport(charts: 1);
        var hook = Path.Combine(network.Fixture.BareRepository, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'pushes to main need a review' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var head = TestGit.Head(network.Fixture.BareRepository);

        var result = network.Run(network.Request(network.Daemon.UrlFor("gitops.git"), 0));

        Assert.AreEqual("WT2010", result.Diagnostics.Single().Code, Describe(result));
        StringAssert.Contains(result.Diagnostics[0].Message, "hook declined");
        Assert.AreEqual(1, network.Commands.Count(c => c.Arguments[0] == "push"), "a hook's refusal is not retried");
        Assert.AreEqual(head, TestGit.Head(network.Fixture.BareRepository));
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void HostThatNeverAnswersIsRetriedThenReportedUnreachable()
    {
        using var network = new NetworkBumpSupport(charts: 1);
        var url = $"git://127.0.0.1:{FreeTcpPort.Find()}/gitops.git";

        var result = network.Run(network.Request(url, 0, maxAttempts: 3));

        Assert.AreEqual("WT2006", result.Diagnostics.Single().Code, Describe(result));
        StringAssert.Contains(result.Diagnostics[0].Message, url);
        Assert.AreEqual(3, network.Commands.Count(c => c.Arguments[0] == "clone"));
        Assert.AreEqual(2, network.RetryLines);
        Assert.IsFalse(Directory.EnumerateDirectories(network.Fixture.Root, "*.cloning", SearchOption.AllDirectories).Any(), "no half clone left");
    }
}
