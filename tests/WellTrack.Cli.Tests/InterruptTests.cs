using System.Diagnostics;
using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

/// <summary>
/// Ctrl+C (SIGINT) and a stopped CI job (SIGTERM) stop the installed tool's bump cleanly: it kills its git push,
/// puts its cache back and exits 130 with the coded message, and the remote holds nothing of the bump.
/// </summary>
[TestClass]
public sealed class InterruptTests
{
    [TestMethod]
    [DataRow("INT")]
    [DataRow("TERM")]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task SignalDuringAHangingPushStopsTheBumpWithACodedMessage(string signal)
    {
        using var fixture = new GitOpsFixture();
        TestGit.Run(fixture.BareRepository, "config", "daemon.receivepack", "true");
        using var daemon = GitDaemon.Start(fixture.Root);
        using var proxy = new FaultyTcpProxy(daemon.Port) { StallPushes = true };
        var head = TestGit.Head(fixture.BareRepository);
        var welltrack = await InstalledTool.CommandAsync();
        using var process = Process.Start(new ProcessStartInfo(welltrack)
        {
            ArgumentList = { "bump", "--repo", proxy.UrlFor("gitops.git"), "--chart", "welltrack-backend", "--tag", "c0ffee1", "--timeout", "600" },
            Environment = { ["WELLTRACK_CACHE"] = Path.Combine(fixture.Root, "cache") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();

        await proxy.PushStalled;
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
        var error = await stderr;
        await stdout;

        Assert.AreEqual(130, process.ExitCode, error);
        StringAssert.Contains(error, "error WT2014");
        Assert.DoesNotContain("   at ", error, "no stack trace");
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
        Assert.AreEqual(string.Empty, TestGit.Run(fixture.BareRepository, "fsck", "--no-progress", "--no-dangling").Trim());
    }
}
