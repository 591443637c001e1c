using WellTrack.Core.Bump;
using WellTrack.Testing;
using static WellTrack.Core.Tests.Bump.BumpTestSupport;

namespace WellTrack.Core.Tests.Bump;

/// <summary>Bad input and broken remotes: a coded error, and nothing changed locally or remotely.</summary>
[TestClass]
public sealed class BumpFailureTests
{
    [TestMethod]
    [DataRow("../etc", "WT1101")]
    [DataRow("charts/x", "WT1101")]
    [DataRow("-rf", "WT1101")]
    [DataRow("welltrack-payments", "WT1103")]
    public void BadOrMissingChartIsRefused(string chart, string code)
        => AssertRefused(fixture => Request(fixture, "5d6e7f8", chart), code);

    [TestMethod]
    [DataRow("values-prod.yaml", "WT1104")]
    [DataRow("../../../etc/passwd", "WT1102")]
    [DataRow("/etc/passwd", "WT1102")]
    public void BadOrMissingValuesFileIsRefused(string valuesFile, string code)
        => AssertRefused(fixture => Request(fixture) with { ValuesFiles = [valuesFile] }, code);

    [TestMethod]
    [DataRow("main\nsecond")]
    [DataRow("--force")]
    [DataRow("a..b")]
    [DataRow("")]
    public void BadBranchIsRefused(string branch)
        => AssertRefused(fixture => Request(fixture) with { Branch = branch }, "WT9003");

    [TestMethod]
    public void MissingBranchOnRemoteIsReported()
        => AssertRefused(fixture => Request(fixture) with { Branch = "production" }, "WT2007");

    [TestMethod]
    public void UnreachableRemoteIsReported()
    {
        var port = FreeTcpPort.Find();
        AssertRefused(fixture => Request(fixture) with { Repository = $"git://127.0.0.1:{port}/gitops.git" }, "WT2006");
    }

    [TestMethod]
    public void NotARepositoryIsReported()
        => AssertRefused(fixture => Request(fixture) with { Repository = fixture.CacheDirectory }, "WT2004");

    [TestMethod]
    public void AllChartsOrNoneWhenOneFails()
        => AssertRefused(fixture => Request(fixture, "5d6e7f8", "welltrack-backend", "welltrack-missing"), "WT1103");

    [TestMethod]
    public void UncommittedChangesToATargetInAWorkingCopyAreRefused()
    {
        using var fixture = new GitOpsFixture();
        var workingCopy = Path.Combine(fixture.Root, "wc");
        TestGit.Run(fixture.Root, "clone", "--quiet", fixture.BareRepository, workingCopy);
        var values = Path.Combine(workingCopy, "charts", "welltrack-backend", "values.yaml");
        File.AppendAllText(values, "# someone's edit in progress\n");
        var edited = File.ReadAllBytes(values);

        var result = RunBump(Request(fixture) with { Repository = workingCopy });

        Assert.AreEqual("WT2012", result.Diagnostics.Single().Code, Describe(result));
        CollectionAssert.AreEqual(edited, File.ReadAllBytes(values), "the edit in progress is kept");
        Assert.AreEqual(TestGit.Head(fixture.BareRepository), TestGit.Head(workingCopy, "HEAD"));
    }

    private static void AssertRefused(Func<GitOpsFixture, BumpRequest> request, string code)
    {
        using var fixture = new GitOpsFixture();
        var head = TestGit.Head(fixture.BareRepository);

        var result = RunBump(request(fixture));

        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual(code, result.Diagnostics[0].Code, Describe(result));
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository), "the remote is unchanged");
        Assert.IsNull(result.CommitId);
    }
}
