using System.Text.RegularExpressions;
using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary>
/// Sixteen `welltrack bump` processes (the tool as installed: native on linux-x64), each like a separate CI machine
/// (its own cache), racing on one remote served by git daemon: every bump lands or is skipped by the ordering rule,
/// the newest build wins per chart, and no commit is lost. The race is real: git's own trace of each machine's pushes
/// shows pushes rejected because another machine pushed first, and each rejected bump re-applied and pushed again
/// (or skipped by the ordering rule); the test fails if no push was rejected.
/// </summary>
[TestClass]
public sealed partial class ContentionTests
{
    private static readonly string[] Charts = ["welltrack-frontend", "welltrack-backend", "welltrack-ml"];

    public TestContext TestContext { get; set; } = null!;

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
        var traces = bumps.Select(bump => GitTrace.Create(Path.Combine(fixture.Root, $"trace-{bump.Build}"))).ToList();
        var runs = bumps.Select(async (bump, i) =>
        {
            await Task.Delay(bump.Delay);
            return await ProcessRunner.RunAsync(
                welltrack,
                ["bump", "--repo", url, "--chart", bump.Chart,
                 "--tag", bump.Tag, "--build-number", bump.Build.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                fixture.Root,
                new Dictionary<string, string?>
                {
                    ["WELLTRACK_CACHE"] = Path.Combine(fixture.Root, $"machine-{bump.Build}"),
                    [traces[i].Variable.Key] = traces[i].Variable.Value,
                });
        }).ToList();
        var results = await Task.WhenAll(runs);

        var log = TestGit.Log(fixture.BareRepository);
        var skipped = 0;
        var rejected = 0;
        var retriedAndPushed = 0;
        for (var i = 0; i < bumps.Count; i++)
        {
            var (bump, result) = (bumps[i], results[i]);
            Assert.AreEqual(0, result.ExitCode, $"build {bump.Build}: {result.Error}");
            var pushes = traces[i].Commands("push");
            var pushedCommit = PushedCommit().Match(result.Output);
            // Every push but a bump's last was rejected (and so retried); its last one landed exactly when it pushed.
            Assert.IsTrue(pushes.SkipLast(1).All(push => push.ExitCode is not null and not 0), $"build {bump.Build}: only a bump's last push may succeed");
            Assert.AreEqual(pushedCommit.Success, pushes.Count > 0 && pushes[^1].ExitCode == 0, $"build {bump.Build}: the last push succeeded exactly when the bump reports it pushed\n{result.Output}{result.Error}");
            var rejections = pushes.Count(push => push.ExitCode is not null and not 0);
            rejected += rejections;
            if (pushedCommit.Success)
            {
                CollectionAssert.Contains(log.ToList(), pushedCommit.Groups[1].Value, $"build {bump.Build}'s commit is in the history");
                retriedAndPushed += rejections > 0 ? 1 : 0;
                if (PushAttempt().Match(result.Output) is { Success: true } attempt)
                {
                    Assert.AreEqual(pushes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), attempt.Groups[1].Value, $"build {bump.Build}: the attempt the tool reports is its number of pushes");
                }
            }
            else
            {
                StringAssert.Contains(result.Error, "WT1106", $"build {bump.Build} was neither pushed nor skipped by the ordering rule");
                skipped++;
            }

            TestContext.WriteLine($"build {bump.Build} ({bump.Chart}): {pushes.Count} push(es), {rejections} rejected, {(pushedCommit.Success ? "pushed" : "skipped")}");
        }

        TestContext.WriteLine($"{rejected} push(es) rejected; {retriedAndPushed} bump(s) pushed after a rejection; {skipped} skipped");
        Assert.IsGreaterThan(0, rejected, "no push was rejected: the bumps did not race, and the retry this test exists for never ran");
        Assert.IsGreaterThan(0, retriedAndPushed, "no bump re-applied after a rejection and then pushed");

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

    [GeneratedRegex(@"Pushed [0-9a-f]{40} .*\(attempt (\d+)\)")]
    private static partial Regex PushAttempt();
}
