using WellTrack.Core.Bump;

namespace WellTrack.Core.Tests.Bump;

/// <summary>The one text a bump's outcome is printed with, by the task and by the CLI.</summary>
[TestClass]
public sealed class BumpOutcomeFormatterTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static readonly BumpRequest Request = new()
    {
        Repository = "https://ci:not-a-token@git.example.test/gitops.git",
        Charts = ["welltrack-backend", "welltrack-ml"],
        Tag = "9f8e7d6",
        Branch = "main",
    };

    private static readonly BumpResult Changed = new()
    {
        Files = [new BumpFileChange("welltrack-backend", "charts/welltrack-backend/values.yaml", [], [], [])],
        CommitMessage = "welltrack-backend: image.tag 1a2b3c4 -> 9f8e7d6\n",
        Diff = "-  tag: 1a2b3c4\n+  tag: 9f8e7d6\n",
    };

    [TestMethod]
    public void NothingToCommitIsOneLine()
        => Assert.AreEqual("GitOps: welltrack-backend, welltrack-ml already at 9f8e7d6; nothing to commit.", BumpOutcomeFormatter.Format(Request, new BumpResult()));

    [TestMethod]
    public void APushShowsTheCommitTheRedactedRemoteTheMessageAndTheDiff()
    {
        var text = BumpOutcomeFormatter.Format(Request, Changed with { CommitId = Commit, Pushed = true, Attempts = 1 });

        Assert.AreEqual(
            $"GitOps: Pushed {Commit} to https://***@git.example.test/gitops.git main:\n\nwelltrack-backend: image.tag 1a2b3c4 -> 9f8e7d6\n\n-  tag: 1a2b3c4\n+  tag: 9f8e7d6",
            text);
    }

    [TestMethod]
    public void APushAfterRetriesNamesTheAttempt()
        => StringAssert.StartsWith(BumpOutcomeFormatter.Headline(Request, Changed with { CommitId = Commit, Pushed = true, Attempts = 3 }), $"GitOps: Pushed {Commit} to https://***@git.example.test/gitops.git main (attempt 3):");

    [TestMethod]
    public void ACommitWithoutPushSaysSo()
        => Assert.AreEqual($"GitOps: Committed {Commit} in https://***@git.example.test/gitops.git main (not pushed):", BumpOutcomeFormatter.Headline(Request, Changed with { CommitId = Commit, Attempts = 1 }));

    [TestMethod]
    public void ADryRunSaysNothingChangedAndShowsWhatWouldBeCommitted()
    {
        var text = BumpOutcomeFormatter.Format(Request with { DryRun = true }, Changed with { Attempts = 1 });

        StringAssert.StartsWith(text, "GitOps: Dry run, nothing was changed. The bump would commit to https://***@git.example.test/gitops.git main:\n\n");
        StringAssert.EndsWith(text, "+  tag: 9f8e7d6");
        Assert.DoesNotContain("not-a-token", text);
    }
}
