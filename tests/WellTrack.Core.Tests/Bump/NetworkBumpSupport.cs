using System.Collections.Concurrent;
using System.Globalization;
using WellTrack.Core.Bump;
using WellTrack.Core.Git;
using WellTrack.Testing;
using static WellTrack.Core.Tests.Bump.BumpTestSupport;

namespace WellTrack.Core.Tests.Bump;

/// <summary>
/// A GitOps remote behind git daemon (push enabled) with as many charts as concurrent bumps, and bumps that each run
/// as on their own CI machine (their own cache), recording every line they log and every git command they start.
/// </summary>
internal sealed class NetworkBumpSupport : IDisposable
{
    public const string RetryLine = "failed for a transient reason";

    public NetworkBumpSupport(int charts, int? maxConnections = null)
    {
        ChartNames = Enumerable.Range(1, charts).Select(i => $"svc-{i}").ToList();
        var files = ChartNames.SelectMany(chart => new[]
        {
            KeyValuePair.Create($"charts/{chart}/Chart.yaml", GitOpsFixture.Chart(chart)),
            KeyValuePair.Create($"charts/{chart}/values.yaml", GitOpsFixture.Values(chart, 8080, withDigest: false)),
        }).ToDictionary();
        Fixture = new GitOpsFixture(files);
        TestGit.Run(Fixture.BareRepository, "config", "daemon.receivepack", "true");
        Daemon = GitDaemon.Start(Fixture.Root, maxConnections);
    }

    public GitOpsFixture Fixture { get; }

    public GitDaemon Daemon { get; }

    public IReadOnlyList<string> ChartNames { get; }

    /// <summary>Every line every bump logged, in arrival order.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Every git command every bump started.</summary>
    public ConcurrentQueue<GitCommand> Commands { get; } = new();

    /// <summary>Raised for every logged line (from the bump's thread): tests react to a retry without waiting on time.</summary>
    public event Action<string>? Logged;

    public int RetryLines => Log.Count(line => line.Contains(RetryLine, StringComparison.Ordinal));

    public BumpRequest Request(string url, int index, int maxAttempts = 30) => BumpTestSupport.Request(Fixture, $"t{index:x2}00000", ChartNames[index]) with
    {
        Repository = url,
        CacheDirectory = Path.Combine(Fixture.Root, $"machine-{index.ToString(CultureInfo.InvariantCulture)}"),
        BuildNumber = index + 1,
        MaxAttempts = maxAttempts,
    };

    public BumpResult Run(BumpRequest request, CancellationToken cancellationToken = default)
    {
        var runner = new GitProcessRunner();
        runner.Starting += Commands.Enqueue;
        var bumper = new ImageTagBumper(runner, log: line =>
        {
            Log.Enqueue(line);
            Logged?.Invoke(line);
        });
        return bumper.Run(request, cancellationToken);
    }

    /// <summary>Runs one bump per chart at once (released together) against <paramref name="url"/>.</summary>
    public BumpResult[] RunConcurrently(string url, int maxAttempts = 30)
    {
        using var start = new Barrier(ChartNames.Count);
        var bumps = Enumerable.Range(0, ChartNames.Count).Select(index => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return Run(Request(url, index, maxAttempts));
            },
            TaskCreationOptions.LongRunning)).ToArray();
        return Task.WhenAll(bumps).GetAwaiter().GetResult();
    }

    /// <summary>Every bump landed exactly once: pushed, its commit in the history, its tag in its chart, one commit each, no merge.</summary>
    public void AssertEachLandedOnce(IReadOnlyList<BumpResult> results, IReadOnlyList<string> commitsBefore)
    {
        var history = Fixture.Commits();
        for (var i = 0; i < results.Count; i++)
        {
            Assert.IsTrue(results[i].Succeeded, $"bump {i}: {Describe(results[i])}\n{string.Join("\n", Log)}");
            Assert.IsTrue(results[i].Pushed, $"bump {i} pushed");
            CollectionAssert.Contains(history.ToList(), results[i].CommitId, $"bump {i}'s commit is on the branch");
            StringAssert.Contains(Fixture.Show($"charts/{ChartNames[i]}/values.yaml"), $"  tag: t{i:x2}00000 # Updated by CI\n");
        }

        Assert.AreEqual(commitsBefore.Count + results.Count, history.Count, "exactly one commit per bump:\n" + string.Join("\n", Log));
        Assert.AreEqual("0", TestGit.Run(Fixture.BareRepository, "rev-list", "--merges", "--count", "main").Trim());
        Assert.AreEqual(string.Empty, TestGit.Run(Fixture.BareRepository, "fsck", "--no-progress", "--no-dangling").Trim());
    }

    public void Dispose()
    {
        Daemon.Dispose();
        Fixture.Dispose();
    }
}
