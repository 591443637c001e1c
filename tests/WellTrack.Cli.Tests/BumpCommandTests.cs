using WellTrack.Core.Bump;
using WellTrack.Testing;

namespace WellTrack.Cli.Tests;

[TestClass]
public sealed class BumpCommandTests
{
    [TestMethod]
    public void ThreeChartsInOneCommitOnABareRemote()
    {
        using var fixture = new GitOpsFixture();
        var commitsBefore = fixture.Commits().Count;

        var (code, output, error) = CliRunner.Run(fixture.Root,
            "bump", "--repo", fixture.BareRepository, "--chart", "welltrack-frontend,welltrack-backend,welltrack-ml",
            "--tag", "9f8e7d6");

        Assert.AreEqual(0, code, error);
        Assert.AreEqual(commitsBefore + 1, fixture.Commits().Count);
        foreach (var chart in new[] { "welltrack-frontend", "welltrack-backend", "welltrack-ml" })
        {
            StringAssert.Contains(fixture.Show($"charts/{chart}/values.yaml"), "  tag: 9f8e7d6 # Updated by CI\n");
        }

        StringAssert.Contains(output, $"Pushed {TestGit.Head(fixture.BareRepository)}");
        StringAssert.Contains(output, "+  tag: 9f8e7d6 # Updated by CI");
    }

    [TestMethod]
    public void HelpShowsTheCoresDefaults()
    {
        var (code, output, _) = CliRunner.Run(Environment.CurrentDirectory, "bump", "--help");

        Assert.AreEqual(0, code);
        StringAssert.Contains(output, $"(default {BumpDefaults.Branch})");
        StringAssert.Contains(output, $"(default {BumpDefaults.ValuesFile})");
        StringAssert.Contains(output, $"(default {BumpDefaults.ChartsDirectory})");
        StringAssert.Contains(output, $"(default {BumpDefaults.ValuePath})");
        StringAssert.Contains(output, $"(default {BumpDefaults.Author.Name})");
        StringAssert.Contains(output, $"(default {BumpDefaults.NetworkTimeoutSeconds})");
        StringAssert.Contains(output, $"(default {BumpDefaults.MaxAttempts})");
        StringAssert.Contains(output, "placeholders {chart} {path} {old} {new} {digest}");
    }

    [TestMethod]
    public void CacheDirectoryOptionHoldsTheCacheClone()
    {
        using var fixture = new GitOpsFixture();
        var cache = Path.Combine(fixture.Root, "option-cache");

        var (code, _, error) = CliRunner.Run(fixture.Root,
            "bump", "--repo", fixture.BareRepository, "--chart", "welltrack-backend", "--tag", "9f8e7d6", "--cache-dir", cache);

        Assert.AreEqual(0, code, error);
        Assert.IsTrue(Directory.EnumerateFileSystemEntries(cache).Any(), "the cache clone is under --cache-dir");
    }

    [TestMethod]
    public void RepeatedChartOptionsAddUp()
    {
        using var fixture = new GitOpsFixture();

        var (code, _, error) = CliRunner.Run(fixture.Root,
            "bump", "--repo", fixture.BareRepository, "--chart", "welltrack-frontend", "--chart", "welltrack-ml", "--tag", "9f8e7d6");

        Assert.AreEqual(0, code, error);
        var changed = TestGit.Run(fixture.BareRepository, "diff", "--name-only", "main~1", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.AreEquivalent(new[] { "charts/welltrack-frontend/values.yaml", "charts/welltrack-ml/values.yaml" }, changed);
    }

    [TestMethod]
    public void DryRunChangesNothing()
    {
        using var fixture = new GitOpsFixture();
        var head = TestGit.Head(fixture.BareRepository);
        var cache = Path.Combine(fixture.Root, "cli-cache");
        Environment.SetEnvironmentVariable("WELLTRACK_CACHE", cache);
        try
        {
            var (code, output, error) = CliRunner.Run(fixture.Root,
                "bump", "--repo", fixture.BareRepository, "--chart", "welltrack-backend", "--tag", "9f8e7d6", "--dry-run");

            Assert.AreEqual(0, code, error);
            Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
            Assert.IsFalse(Directory.Exists(cache), "the cache is not created by a dry run");
            StringAssert.Contains(output, "Dry run");
            StringAssert.Contains(output, "welltrack-backend: image.tag 1a2b3c4 -> 9f8e7d6");
            StringAssert.Contains(output, "-  tag: 1a2b3c4 # Updated by CI\n+  tag: 9f8e7d6 # Updated by CI\n");
        }
        finally
        {
            Environment.SetEnvironmentVariable("WELLTRACK_CACHE", null);
        }
    }

    [TestMethod]
    public void InvalidTagIsAnErrorWithItsCode()
    {
        using var fixture = new GitOpsFixture();

        var (code, _, error) = CliRunner.Run(fixture.Root,
            "bump", "--repo", fixture.BareRepository, "--chart", "welltrack-backend", "--tag", "v1\nmalicious: true");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "error WT1022");
    }

    [TestMethod]
    [DataRow("--repo")]
    [DataRow("--tag")]
    public void MissingRequiredOptionIsAUsageError(string missing)
    {
        var args = new List<string> { "bump", "--repo", "/tmp/x", "--chart", "c", "--tag", "t" };
        var index = args.IndexOf(missing);
        args.RemoveRange(index, 2);

        var (code, _, error) = CliRunner.Run(Path.GetTempPath(), [.. args]);

        Assert.AreEqual(2, code);
        StringAssert.Contains(error, $"{missing} is required");
        StringAssert.Contains(error, "Usage: welltrack bump");
    }

    [TestMethod]
    public void UnknownOptionIsAUsageError()
    {
        var (code, _, error) = CliRunner.Run(Path.GetTempPath(), "bump", "--force");

        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "welltrack: error WT9014: unknown option '--force'.");
    }

    [TestMethod]
    public void UnknownCommandIsAUsageError()
    {
        var (code, _, error) = CliRunner.Run(Path.GetTempPath(), "deploy");

        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "welltrack: error WT9020: unknown command 'deploy'.");
    }

    [TestMethod]
    public void UnreachableRemoteIsAnErrorNotACrash()
    {
        using var fixture = new GitOpsFixture();
        var port = FreeTcpPort.Find();

        var (code, _, error) = CliRunner.Run(fixture.Root,
            "bump", "--repo", $"git://127.0.0.1:{port}/gitops.git", "--chart", "welltrack-backend", "--tag", "9f8e7d6");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "error WT2006");
        Assert.IsFalse(error.Contains("   at ", StringComparison.Ordinal), "no stack trace");
    }

    [TestMethod]
    public void BumpIsRefusedWhenTheEditedChartNoLongerValidates()
    {
        // The chart's schema only admits commit-id tags: a SemVer tag makes the new desired state invalid.
        var schema = "{\"type\":\"object\",\"properties\":{\"image\":{\"type\":\"object\",\"properties\":{\"tag\":{\"type\":\"string\",\"pattern\":\"^[0-9a-f]{7}$\"}}}}}";
        using var fixture = new GitOpsFixture(new Dictionary<string, string> { ["charts/welltrack-backend/values.schema.json"] = schema });
        var head = TestGit.Head(fixture.BareRepository);

        var (code, _, error) = CliRunner.Run(fixture.Root, "bump", "--repo", fixture.BareRepository, "--chart", "welltrack-backend", "--tag", "v1.2.3");

        Assert.AreEqual(1, code, error);
        StringAssert.Contains(error, "charts/welltrack-backend/values.yaml(6,8): error WT3017");
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository), "no commit reached the remote");
    }

    [TestMethod]
    public void BumpIsRefusedWhenTheChartHoldsAPlainSecret()
    {
        // Shaped like a Stripe live key, but not one: fixtures never hold real secrets.
        var secret = "sk_live_" + "FaKeFaKeFaKeFaKeFaKeFaKe1234";
        var values = GitOpsFixture.Values("welltrack-backend", 3001, withDigest: true) + $"payments:\n  apiKey: {secret}\n";
        using var fixture = new GitOpsFixture(new Dictionary<string, string> { ["charts/welltrack-backend/values.yaml"] = values });
        var head = TestGit.Head(fixture.BareRepository);

        var (code, output, error) = CliRunner.Run(fixture.Root, "bump", "--repo", fixture.BareRepository, "--chart", "welltrack-backend", "--tag", "9f8e7d6");

        Assert.AreEqual(1, code, error);
        StringAssert.Contains(error, "charts/welltrack-backend/values.yaml(13,11): error WT5020");
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository), "no commit reached the remote");
        Assert.IsFalse((output + error).Contains(secret, StringComparison.Ordinal), "the secret is never printed");
    }
}
