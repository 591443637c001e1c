using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary>
/// A bump killed at any moment (a cancelled CI job) leaves no half-written file and no half commit on the remote,
/// and the next bump works, re-cloning a cache the killed one left inconsistent. The tool as installed (native on
/// linux-x64) runs a bump in about 150 ms: kills from 5 to 250 ms land in every phase (clone, edit, commit, push).
/// The remote is served by git daemon, as a real one is by a server: killing the job kills git push, never the
/// server's receive-pack (which, over a local path, would be killed with it, holding the branch's ref lock).
/// </summary>
[TestClass]
public sealed class KilledProcessTests
{
    private const string Values = "charts/welltrack-backend/values.yaml";

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
        for (var round = 0; round < 12; round++)
        {
            var tag = $"k{round:x2}{random.Next(0x10000):x4}";
            var before = TestGit.Head(fixture.BareRepository);
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(welltrack)
            {
                ArgumentList = { "bump", "--repo", remote, "--chart", "welltrack-backend", "--tag", tag },
                Environment = { ["WELLTRACK_CACHE"] = cache },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            await Task.Delay(random.Next(5, 250));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            daemon.WaitUntilIdle(TimeSpan.FromSeconds(30));

            // Either the remote is as it was, or it has exactly one new, whole bump commit.
            if (TestGit.Head(fixture.BareRepository) != before)
            {
                StringAssert.Contains(fixture.Show(Values), $"  tag: {tag} # Updated by CI\n", "a pushed commit is a whole bump");
                Assert.AreEqual(before, TestGit.Run(fixture.BareRepository, "rev-parse", "main~1").Trim(), "exactly one commit");
            }

            AssertWholeValuesFiles(cache, original);
        }

        var final = await ProcessRunner.RunAsync(welltrack,
            ["bump", "--repo", remote, "--chart", "welltrack-backend", "--tag", "final00"],
            fixture.Root, new Dictionary<string, string?> { ["WELLTRACK_CACHE"] = cache });
        Assert.AreEqual(0, final.ExitCode, final.Error);
        StringAssert.Contains(fixture.Show(Values), "  tag: final00 # Updated by CI\n");
        // A push cut off after the remote took in its pack but before it moved the ref can leave a dangling commit:
        // unreachable, harmless and collected by git gc. Only broken or missing objects would be a loss.
        Assert.AreEqual(string.Empty, TestGit.Run(fixture.BareRepository, "fsck", "--no-progress", "--no-dangling").Trim());
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
