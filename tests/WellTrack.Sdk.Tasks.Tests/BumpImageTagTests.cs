using WellTrack.Core.Bump;
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

    [TestMethod]
    public void UnsetOptionsStartAtTheCoresDefaults()
    {
        // MSBuild leaves a parameter whose property is empty unset; the SDK's props leave these empty.
        var task = new BumpImageTag();

        Assert.AreEqual(BumpDefaults.Branch, task.Branch);
        CollectionAssert.AreEqual(new[] { BumpDefaults.ValuesFile }, task.ValuesFiles);
        Assert.AreEqual(BumpDefaults.ChartsDirectory, task.ChartsDirectory);
        CollectionAssert.AreEqual(new[] { BumpDefaults.ValuePath }, task.ValuePaths);
        Assert.AreEqual(BumpDefaults.Push, task.Push);
        Assert.AreEqual(BumpDefaults.MaxAttempts, task.MaxAttempts);
        Assert.AreEqual(BumpDefaults.NetworkTimeoutSeconds, task.NetworkTimeout);
        Assert.AreEqual(string.Empty, task.Author, "empty means BumpDefaults.Author");
    }

    [TestMethod]
    public void EmptyListsAndAuthorFallBackToTheCoresDefaults()
    {
        using var fixture = new GitOpsFixture();
        var engine = new RecordingBuildEngine();
        var task = NewTask(fixture, engine, "5d6e7f8");
        task.ValuesFiles = [];
        task.ValuePaths = [];

        Assert.IsTrue(task.Execute(), engine.AllText);

        StringAssert.Contains(fixture.Show($"charts/welltrack-backend/{BumpDefaults.ValuesFile}"), "tag: 5d6e7f8 # Updated by CI");
        Assert.AreEqual(BumpDefaults.Author.Name, TestGit.Run(fixture.BareRepository, "log", "-1", "--format=%an", BumpDefaults.Branch).Trim());
    }

    [TestMethod]
    public void ANetworkTimeoutUnderASecondIsACodedErrorAndNothingChanges()
    {
        using var fixture = new GitOpsFixture();
        var head = TestGit.Head(fixture.BareRepository);
        var engine = new RecordingBuildEngine();
        var task = NewTask(fixture, engine, "5d6e7f8");
        task.NetworkTimeout = 0;

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("WT9102", engine.Errors.Single().Code);
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
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
