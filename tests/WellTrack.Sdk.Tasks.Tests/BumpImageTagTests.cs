using WellTrack.Testing;

namespace WellTrack.Sdk.Tasks.Tests;

[TestClass]
public sealed class BumpImageTagTests
{
    [TestMethod]
    public void BumpsAndReportsTheCommit()
    {
        using var fixture = new GitOpsFixture();
        var engine = new RecordingBuildEngine();
        var task = NewTask(fixture, engine, "5d6e7f8");

        Assert.IsTrue(task.Execute(), engine.AllText);

        Assert.AreEqual(TestGit.Head(fixture.BareRepository), task.CommitId);
        Assert.IsTrue(task.Changed);
        StringAssert.Contains(fixture.Show("charts/welltrack-backend/values.yaml"), "tag: 5d6e7f8 # Updated by CI");
        StringAssert.Contains(engine.AllText, "+  tag: 5d6e7f8 # Updated by CI");
    }

    [TestMethod]
    public void InvalidTagIsACodedErrorAndNothingChanges()
    {
        using var fixture = new GitOpsFixture();
        var head = TestGit.Head(fixture.BareRepository);
        var engine = new RecordingBuildEngine();
        var task = NewTask(fixture, engine, "bad tag: x");

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(1, engine.Errors.Count);
        StringAssert.StartsWith(engine.Errors[0].Code, "WT1");
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
    }

    [TestMethod]
    public void MissingChartNamesTheChartAndPath()
    {
        using var fixture = new GitOpsFixture();
        var engine = new RecordingBuildEngine();
        var task = NewTask(fixture, engine, "5d6e7f8");
        task.Charts = ["welltrack-payments"];

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("WT1103", engine.Errors[0].Code);
        Assert.AreEqual("charts/welltrack-payments", engine.Errors[0].File);
    }

    [TestMethod]
    public void DryRunChangesNothingAndPrintsTheDiff()
    {
        using var fixture = new GitOpsFixture();
        var head = TestGit.Head(fixture.BareRepository);
        var engine = new RecordingBuildEngine();
        var task = NewTask(fixture, engine, "5d6e7f8");
        task.DryRun = true;

        Assert.IsTrue(task.Execute(), engine.AllText);

        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
        Assert.AreEqual(string.Empty, task.CommitId);
        StringAssert.Contains(engine.AllText, "Dry run");
        StringAssert.Contains(engine.AllText, "-  tag: 1a2b3c4 # Updated by CI");
    }

    private static BumpImageTag NewTask(GitOpsFixture fixture, RecordingBuildEngine engine, string tag) => new()
    {
        BuildEngine = engine,
        Repository = fixture.BareRepository,
        Charts = ["welltrack-backend"],
        ImageTag = tag,
        CacheDirectory = fixture.CacheDirectory,
        BaseDirectory = fixture.Root,
    };
}
