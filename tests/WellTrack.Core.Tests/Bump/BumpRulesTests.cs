using WellTrack.Core.Bump;
using WellTrack.Testing;
using static WellTrack.Core.Tests.Bump.BumpTestSupport;

namespace WellTrack.Core.Tests.Bump;

/// <summary>Ordering, pins, several targets, templates: what keeps concurrent and out-of-order pipelines safe.</summary>
[TestClass]
public sealed class BumpRulesTests
{
    private const string BackendValues = "charts/welltrack-backend/values.yaml";

    [TestMethod]
    public void OlderBuildFinishingLateIsSkippedAndTheNewerStays()
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, "b42b42b") with { BuildNumber = 42 }).Succeeded);
        var head = TestGit.Head(fixture.BareRepository);

        var late = RunBump(Request(fixture, "b41b41b") with { BuildNumber = 41 });

        Assert.IsTrue(late.Succeeded, Describe(late));
        Assert.IsFalse(late.Changed);
        Assert.AreEqual("WT1106", late.Diagnostics.Single().Code);
        Assert.AreEqual(BackendValues, late.Diagnostics[0].File);
        Assert.AreEqual(6, late.Diagnostics[0].Line);
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
        StringAssert.Contains(fixture.Show(BackendValues), "tag: b42b42b");
    }

    [TestMethod]
    public void AllowDowngradeSetsTheOlderBuild()
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, "b42b42b") with { BuildNumber = 42 }).Succeeded);

        var result = RunBump(Request(fixture, "b41b41b") with { BuildNumber = 41, AllowDowngrade = true });

        Assert.IsTrue(result.Changed, Describe(result));
        StringAssert.Contains(fixture.Show(BackendValues), "tag: b41b41b");
    }

    [TestMethod]
    public void NewerBuildAndTheBuildNumberTrailerAreRecorded()
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, "b42b42b") with { BuildNumber = 42 }).Succeeded);

        var result = RunBump(Request(fixture, "b43b43b") with { BuildNumber = 43 });

        Assert.IsTrue(result.Changed, Describe(result));
        var trailer = TestGit.Run(fixture.BareRepository, "log", "-1", "--format=%(trailers:key=WellTrack-Build-Number,valueonly)", "main").Trim();
        Assert.AreEqual("43", trailer);
    }

    [TestMethod]
    public void BuildOrderIsPerFileSoOtherChartsAreNotBlocked()
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, "b42b42b", "welltrack-backend") with { BuildNumber = 42 }).Succeeded);

        var result = RunBump(Request(fixture, "f10f10f", "welltrack-frontend") with { BuildNumber = 10 });

        Assert.IsTrue(result.Changed, Describe(result));
    }

    [TestMethod]
    [DataRow("1.4.2", "1.4.1")]
    [DataRow("v2.0.0", "v1.9.9")]
    [DataRow("2.0.0", "2.0.0-rc.1")]
    public void LowerSemVerTagIsSkipped(string current, string lower)
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, current)).Succeeded);

        var result = RunBump(Request(fixture, lower));

        Assert.IsFalse(result.Changed);
        Assert.AreEqual("WT1107", result.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void HigherSemVerTagIsBumped()
    {
        using var fixture = new GitOpsFixture();
        Assert.IsTrue(RunBump(Request(fixture, "1.4.2")).Succeeded);

        Assert.IsTrue(RunBump(Request(fixture, "1.10.0")).Changed);
    }

    [TestMethod]
    public void PinnedValueIsSkippedWithAWarningNamingThePin()
    {
        using var fixture = PinnedFixture();
        var head = TestGit.Head(fixture.BareRepository);

        var result = RunBump(Request(fixture, "9f8e7d6"));

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.IsFalse(result.Changed);
        var warning = result.Diagnostics.Single();
        Assert.AreEqual("WT1105", warning.Code);
        StringAssert.Contains(warning.Message, "rollback of incident 42");
        Assert.AreEqual(head, TestGit.Head(fixture.BareRepository));
    }

    [TestMethod]
    public void PinnedTagAlsoKeepsItsDigest()
    {
        using var fixture = PinnedFixture();

        var result = RunBump(Request(fixture, "9f8e7d6") with { Digest = Digest });

        Assert.IsFalse(result.Changed);
        StringAssert.Contains(fixture.Show(BackendValues), "digest: \"\"");
    }

    [TestMethod]
    public void ForcePinnedOverridesThePinAndKeepsTheComment()
    {
        using var fixture = PinnedFixture();

        var result = RunBump(Request(fixture, "9f8e7d6") with { ForcePinned = true });

        Assert.IsTrue(result.Changed, Describe(result));
        StringAssert.Contains(fixture.Show(BackendValues), "  tag: 9f8e7d6 # welltrack:pin rollback of incident 42\n");
    }

    [TestMethod]
    public void SeveralValuesFilesAndValuePathsInOneCommit()
    {
        var prod = "image:\n  repository: ghcr.io/hongda-zhu/welltrack-backend\n  tag: 1a2b3c4\nmigrations:\n  image:\n    tag: 1a2b3c4 # same build\n";
        using var fixture = new GitOpsFixture(new Dictionary<string, string>
        {
            ["charts/welltrack-backend/values-prod.yaml"] = prod,
        });
        var commits = fixture.Commits().Count;

        var result = RunBump(Request(fixture, "7c7c7c7") with
        {
            ValuesFiles = ["values-prod.yaml"],
            ValuePaths = ["image.tag", "migrations.image.tag"],
        });

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.AreEqual(commits + 1, fixture.Commits().Count);
        Assert.AreEqual(prod.Replace("1a2b3c4", "7c7c7c7"), fixture.Show("charts/welltrack-backend/values-prod.yaml"));
    }

    [TestMethod]
    public void TwoValuesFilesOfOneChart()
    {
        using var fixture = new GitOpsFixture(new Dictionary<string, string>
        {
            ["charts/welltrack-backend/values-prod.yaml"] = "image:\n  tag: 1a2b3c4\n",
        });

        var result = RunBump(Request(fixture, "7c7c7c7") with { ValuesFiles = ["values.yaml", "values-prod.yaml"] });

        Assert.AreEqual(2, result.Files.Count, Describe(result));
        Assert.AreEqual("image:\n  tag: 7c7c7c7\n", fixture.Show("charts/welltrack-backend/values-prod.yaml"));
        StringAssert.Contains(fixture.Show(BackendValues), "tag: 7c7c7c7 #");
    }

    [TestMethod]
    public void CommitMessageTemplateFillsPlaceholdersAndKeepsTrailers()
    {
        using var fixture = new GitOpsFixture();

        var result = RunBump(Request(fixture, "5d6e7f8") with
        {
            BuildNumber = 77,
            CommitMessageTemplate = "deploy({chart}): {old} -> {new} (build {buildNumber})\n\nfrom {sourceRepository}@{sourceCommit}",
        });

        Assert.IsTrue(result.Succeeded, Describe(result));
        var message = TestGit.Run(fixture.BareRepository, "log", "-1", "--format=%B", "main");
        StringAssert.StartsWith(message, "deploy(welltrack-backend): 1a2b3c4 -> 5d6e7f8 (build 77)\n\nfrom https://github.com/hongda-zhu/PTI-WellTrackBack.git@5d6e7f8aaaabbbbccccddddeeeeffff000011112\n\nWellTrack-Source-Repository:");
        StringAssert.Contains(message, "WellTrack-Build-Number: 77\n");
    }

    [TestMethod]
    public void AuthorIsConfigurable()
    {
        using var fixture = new GitOpsFixture();

        var result = RunBump(Request(fixture) with { Author = new Core.Git.GitIdentity("Deploy Bot", "deploy@example.test") });

        Assert.IsTrue(result.Succeeded, Describe(result));
        Assert.AreEqual("Deploy Bot <deploy@example.test>", TestGit.Run(fixture.BareRepository, "log", "-1", "--format=%an <%ae>", "main").Trim());
    }

    [TestMethod]
    [DataRow("welltrack:pin rollback", true, "rollback")]
    [DataRow("Updated by CI # welltrack:pin held for the audit", true, "held for the audit")]
    [DataRow("welltrack:pin", true, "no reason given")]
    [DataRow("welltrack:pinned", false, "")]
    [DataRow("Updated by CI", false, "")]
    public void PinMarkerIsReadFromTheLineComment(string comment, bool pinned, string reason)
    {
        Assert.AreEqual(pinned, PinMarker.TryRead(comment, out var read));
        Assert.AreEqual(reason, read);
    }

    [TestMethod]
    [DataRow("1.2.3", "1.2.2", true)]
    [DataRow("1.2.3", "1.3.0", false)]
    [DataRow("1a2b3c4", "0a0b0c0", false)]
    [DataRow("1234567", "1234566", false)]
    [DataRow("latest", "1.0.0", false)]
    public void OnlyVersionTagsHaveAnOrder(string current, string candidate, bool downgrade)
        => Assert.AreEqual(downgrade, TagVersionOrder.IsDowngrade(current, candidate));

    [TestMethod]
    public void BuildNumberComesFromCiThenFromTheCommitTime()
    {
        Assert.AreEqual(12L, BuildNumbers.Resolve("12", _ => "99", 5));
        Assert.AreEqual(99L, BuildNumbers.Resolve(null, name => name == "GITHUB_RUN_NUMBER" ? "99" : null, 5));
        Assert.AreEqual(7L, BuildNumbers.Resolve(null, name => name == "CI_PIPELINE_IID" ? "7" : null, 5));
        Assert.AreEqual(5L, BuildNumbers.Resolve("", _ => null, 5));
        Assert.IsNull(BuildNumbers.Resolve(null, _ => null, null));
    }

    private static GitOpsFixture PinnedFixture() => new(new Dictionary<string, string>
    {
        [BackendValues] = GitOpsFixture.Values("welltrack-backend", 3001, withDigest: true)
            .Replace("# Updated by CI", "# welltrack:pin rollback of incident 42"),
    });
}
