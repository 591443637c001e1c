using WellTrack.Testing;

namespace WellTrack.Sdk.Tasks.Tests;

/// <summary>
/// The tasks are <c>ICancelableTask</c>s: MSBuild calls Cancel() on Ctrl+C, from another thread, while Execute runs.
/// A cancelled task fails with one coded error and changes nothing.
/// </summary>
[TestClass]
public sealed class CancellationTests
{
    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void CancelStopsABumpRetryingAnUnansweringRemote()
    {
        using var fixture = new GitOpsFixture();
        var engine = new RecordingBuildEngine();
        var task = new BumpImageTag
        {
            BuildEngine = engine,
            // Nothing listens there: the bump retries the refused connection, logging each retry, for a thousand tries.
            Repository = $"git://127.0.0.1:{FreeTcpPort.Find()}/gitops.git",
            Charts = ["welltrack-backend"],
            ImageTag = "5d6e7f8",
            CacheDirectory = fixture.CacheDirectory,
            BaseDirectory = fixture.Root,
            MaxAttempts = 1000,
        };
        engine.OnMessage = message =>
        {
            if (message.Message?.Contains("trying again", StringComparison.Ordinal) == true)
            {
                task.Cancel();
            }
        };

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("WT2013", engine.Errors.Single().Code, engine.AllText);
        Assert.AreEqual(1, engine.Messages.Count(m => m.Message?.Contains("trying again", StringComparison.Ordinal) == true), "no try after Cancel()");
        Assert.AreEqual(string.Empty, task.CommitId);
    }

    [TestMethod]
    public void CancelledValidationStopsBeforeTheNextChart()
    {
        using var temp = new TemporaryDirectory();
        TestGit.WriteFiles(temp.Path, new Dictionary<string, string>
        {
            ["charts/welltrack-backend/Chart.yaml"] = GitOpsFixture.Chart("welltrack-backend"),
            ["charts/welltrack-backend/values.yaml"] = GitOpsFixture.Values("welltrack-backend", 3001, withDigest: false),
            ["charts/welltrack-backend/templates/configmap.yaml"] = GitOpsFixture.Template,
        });
        var engine = new RecordingBuildEngine();
        var task = new ValidateCharts { BuildEngine = engine, Directory = temp.Combine("charts") };
        task.Cancel();

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("WT3910", engine.Errors.Single().Code, engine.AllText);
        Assert.IsFalse(engine.Messages.Any(m => m.Message?.StartsWith("Validated", StringComparison.Ordinal) == true), "no chart was reported validated");
    }

    [TestMethod]
    public void CancelledScanStopsBeforeTheNextFile()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.Combine("values.yaml"), "image:\n  tag: 1a2b3c4\n");
        var engine = new RecordingBuildEngine();
        var task = new CheckNoPlainSecrets { BuildEngine = engine, Directory = temp.Path };
        task.Cancel();

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("WT5044", engine.Errors.Single().Code, engine.AllText);
        Assert.AreEqual(0, task.ErrorCount);
    }
}
