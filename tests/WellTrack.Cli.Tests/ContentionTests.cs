using System.Text.RegularExpressions;
using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary>
/// Sixteen `welltrack bump` processes (the tool as installed: native on linux-x64), each like a separate CI machine
/// (its own cache), racing on one remote served by git daemon: every bump lands or is skipped by the ordering rule,
/// the newest build wins per chart, and no commit is lost.
/// </summary>
[TestClass]
public sealed partial class ContentionTests
{
    private static readonly string[] Charts = ["welltrack-frontend", "welltrack-backend", "welltrack-ml"];

    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public async Task SixteenConcurrentBumpsAllLandOrAreSkippedInOrder()
    {
        using var fixture = new GitOpsFixture();
        TestGit.Run(fixture.BareRepository, "config", "daemon.receivepack", "true");
        using var daemon = GitDaemon.Start(fixture.Root);
        var url = daemon.UrlFor("gitops.git");
        var random = new Random(20261126);
        var bumps = Enumerable.Range(1, 16).Select(build => new
        {
            Build = build,
            Chart = Charts[build % Charts.Length],
            Tag = $"b{build:x2}{random.Next(0x10000):x4}",
            Delay = random.Next(0, 400),
        }).ToList();

        var welltrack = await InstalledTool.CommandAsync();
        var runs = bumps.Select(async bump =>
        {
            await Task.Delay(bump.Delay);
            return await ProcessRunner.RunAsync(
                welltrack,
                ["bump", "--repo", url, "--chart", bump.Chart,
                 "--tag", bump.Tag, "--build-number", bump.Build.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                fixture.Root,
                new Dictionary<string, string?> { ["WELLTRACK_CACHE"] = Path.Combine(fixture.Root, $"machine-{bump.Build}") });
        }).ToList();
        var results = await Task.WhenAll(runs);

        var log = TestGit.Log(fixture.BareRepository);
        var skipped = 0;
        for (var i = 0; i < bumps.Count; i++)
        {
            var (bump, result) = (bumps[i], results[i]);
            Assert.AreEqual(0, result.ExitCode, $"build {bump.Build}: {result.Error}");
            if (PushedCommit().Match(result.Output) is { Success: true } pushed)
            {
                CollectionAssert.Contains(log.ToList(), pushed.Groups[1].Value, $"build {bump.Build}'s commit is in the history");
            }
            else
            {
                StringAssert.Contains(result.Error, "WT1106", $"build {bump.Build} was neither pushed nor skipped by the ordering rule");
                skipped++;
            }
        }

        foreach (var chart in Charts)
        {
            var newest = bumps.Where(b => b.Chart == chart).MaxBy(b => b.Build)!;
            StringAssert.Contains(fixture.Show($"charts/{chart}/values.yaml"), $"  tag: {newest.Tag} # Updated by CI\n", chart);
        }

        Assert.AreEqual(bumps.Count - skipped + 1, log.Count, "one commit per pushed bump on top of the seed");
        Assert.AreEqual("0", TestGit.Run(fixture.BareRepository, "rev-list", "--merges", "--count", "main").Trim());
    }

    [GeneratedRegex("Pushed ([0-9a-f]{40})")]
    private static partial Regex PushedCommit();
}
