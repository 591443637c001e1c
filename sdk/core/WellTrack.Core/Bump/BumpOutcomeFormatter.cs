using WellTrack.Core.Git;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Bump;

/// <summary>
/// What a finished bump did, in words: one headline (unchanged, dry run, pushed, committed), then the commit message
/// and the diff. The BumpImageTag task and <c>welltrack bump</c> both print this text, so a bump reads the same in a
/// build log and at a terminal; the texts are resources (Resources/ProgressMessages.resx).
/// </summary>
public static class BumpOutcomeFormatter
{
    /// <summary>The outcome as lines joined by <c>\n</c>, without a trailing newline.</summary>
    public static string Format(BumpRequest request, BumpResult result)
    {
        var headline = Headline(request, result);
        if (!result.Changed)
        {
            return headline;
        }

        return string.Join('\n', headline, string.Empty, result.CommitMessage.TrimEnd(), string.Empty, result.Diff.TrimEnd());
    }

    public static string Headline(BumpRequest request, BumpResult result)
    {
        var repository = GitOpsLocation.RedactUserInfo(request.Repository);
        if (!result.Changed)
        {
            return ProgressMessage.BumpOutcomeUnchanged.Format(string.Join(", ", request.Charts), request.Tag);
        }

        if (request.DryRun)
        {
            return ProgressMessage.BumpOutcomeDryRun.Format(repository, request.Branch);
        }

        if (result.Pushed)
        {
            return result.Attempts > 1
                ? ProgressMessage.BumpOutcomePushedAfterRetries.Format(result.CommitId, repository, request.Branch, result.Attempts)
                : ProgressMessage.BumpOutcomePushed.Format(result.CommitId, repository, request.Branch);
        }

        return ProgressMessage.BumpOutcomeCommitted.Format(result.CommitId, repository, request.Branch);
    }
}
