using System.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary>
/// A bump killed at any moment (a cancelled CI job) leaves no half-written file and no half commit on the remote,
/// and the next bump works, re-cloning a cache the killed one left inconsistent. Half the rounds kill after a random
/// 5 to 250 ms (the installed tool, native on linux-x64, bumps in about 150 ms unloaded, so those kills land in every
/// phase: clone, edit, commit, push); in the other half a pre-receive hook on the remote holds the push until the bump
/// has been killed, so that the riskiest moment is certainly exercised (a push over a loaded machine's loopback ends
/// faster than a test can notice it started). git's own trace (a push with no exit event) tells which kills cut a
/// push off, and the test fails if none did. The remote is served by git daemon, as a real one is by a server:
/// killing the job kills git push, never the server's receive-pack (which, over a local path, would be killed with
/// it, holding the branch's ref lock).
/// </summary>
[TestClass]
public sealed class KilledProcessTests
{
    private const string Values = "charts/welltrack-backend/values.yaml";
    private const int Rounds = 12;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task KilledAtRandomMomentsLosesNothing()
    {
        using var fixture = new GitOpsFixture();
        TestGit.Run(fixture.BareRepository, "config", "daemon.receivepack", "true");
        using var daemon = GitDaemon.Start(fixture.Root);
        var remote = daemon.UrlFor("gitops.git");
        var cache = Path.Combine(fixture.Root, "cache");
        var welltrack = await InstalledTool.CommandAsync();
        var original = fixture.Show(Values);
        var random = new Random(7);
        var gate = new PushGate(fixture.BareRepository, Path.Combine(fixture.Root, "gate"));
        var pushesCutOff = new List<int>();
        for (var round = 0; round < Rounds; round++)
        {
            var tag = $"k{round:x2}{random.Next(0x10000):x4}";
            var before = TestGit.Head(fixture.BareRepository);
            var trace = GitTrace.Create(Path.Combine(fixture.Root, $"trace-{round}"));
            var startInfo = new ProcessStartInfo(welltrack)
            {
                ArgumentList = { "bump", "--repo", remote, "--chart", "welltrack-backend", "--tag", tag },
                Environment = { ["WELLTRACK_CACHE"] = cache, [trace.Variable.Key] = trace.Variable.Value },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var holdPush = round % 2 == 1;
            gate.Reset(open: !holdPush);
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (holdPush)
            {
                await WhenPushIsHeldAsync(process, gate);
            }
            else
            {
                await Task.Delay(random.Next(5, 250));
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            gate.Open();
            daemon.WaitUntilIdle(TimeSpan.FromSeconds(30));
            if (trace.Commands("push").Any(push => push.ExitCode is null))
            {
                pushesCutOff.Add(round);
            }

            // Either the remote is as it was, or it has exactly one new, whole bump commit.
            if (TestGit.Head(fixture.BareRepository) != before)
            {
                StringAssert.Contains(fixture.Show(Values), $"  tag: {tag} # Updated by CI\n", "a pushed commit is a whole bump");
                Assert.AreEqual(before, TestGit.Run(fixture.BareRepository, "rev-parse", "main~1").Trim(), "exactly one commit");
            }

            AssertWholeValuesFiles(cache, original);
            TestContext.WriteLine($"round {round}: {(pushesCutOff.Contains(round) ? "killed during a push" : "killed outside a push")}; "
                + $"remote {(TestGit.Head(fixture.BareRepository) == before ? "unchanged" : "bumped")}; output: {(await output).Trim()} {(await error).Trim()}");
        }

        Assert.IsNotEmpty(pushesCutOff, $"no kill in {Rounds} rounds landed while git push was running (git's trace shows every push exited): "
            + "the scenario this test exists for did not happen.");
        TestContext.WriteLine($"kills that cut a push off: rounds {string.Join(", ", pushesCutOff)} of {Rounds}");

        var final = await ProcessRunner.RunAsync(welltrack,
            ["bump", "--repo", remote, "--chart", "welltrack-backend", "--tag", "final00"],
            fixture.Root, new Dictionary<string, string?> { ["WELLTRACK_CACHE"] = cache });
        Assert.AreEqual(0, final.ExitCode, final.Error);
        StringAssert.Contains(fixture.Show(Values), "  tag: final00 # Updated by CI\n");
        // A push cut off after the remote took in its pack but before it moved the ref can leave a dangling commit:
        // unreachable, harmless and collected by git gc. Only broken or missing objects would be a loss.
        Assert.AreEqual(string.Empty, TestGit.Run(fixture.BareRepository, "fsck", "--no-progress", "--no-dangling").Trim());
    }

    /// <summary>Returns once the remote holds the bump's push (or the bump ended without pushing).</summary>
    private async Task WhenPushIsHeldAsync(Process process, PushGate gate)
    {
        while (!process.HasExited && !gate.PushArrived)
        {
            await Task.Delay(10, TestContext.CancellationToken);
        }
    }

    /// <summary>
    /// A pre-receive hook on the remote that, while the gate is closed, reports that a push arrived and holds it
    /// (its pack received, its ref not yet moved) until the test opens the gate.
    /// </summary>
    private sealed class PushGate
    {
        private readonly string _arrived;
        private readonly string _open;

        public PushGate(string bareRepository, string directory)
        {
            Directory.CreateDirectory(directory);
            _arrived = Path.Combine(directory, "push-arrived");
            _open = Path.Combine(directory, "open");
            var hook = Path.Combine(bareRepository, "hooks", "pre-receive");
            File.WriteAllText(hook, $"#!/bin/sh\ncat > /dev/null\n[ -e '{_open}' ] && exit 0\ntouch '{_arrived}'\nwhile [ ! -e '{_open}' ]; do sleep 0.05; done\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Open();
        }

        public bool PushArrived => File.Exists(_arrived);

        public void Reset(bool open)
        {
            File.Delete(_arrived);
            if (open)
            {
                Open();
            }
            else
            {
                File.Delete(_open);
            }
        }

        public void Open() => File.WriteAllText(_open, string.Empty);
    }

    // Whatever the moment of the kill, a values file in the cache clone is the original or a complete edit of it.
    private static void AssertWholeValuesFiles(string cache, string original)
    {
        foreach (var file in Directory.EnumerateFiles(cache, "values.yaml", SearchOption.AllDirectories).Where(f => f.Contains("welltrack-backend", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var lines = text.Split('\n');
            Assert.AreEqual(original.Split('\n').Length, lines.Length, file);
            Assert.AreEqual(1, lines.Count(line => line.StartsWith("  tag: ", StringComparison.Ordinal)), file);
        }
    }
}
