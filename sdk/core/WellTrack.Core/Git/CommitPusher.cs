using WellTrack.Diagnostics;

namespace WellTrack.Core.Git;

/// <summary>What became of a pushed commit.</summary>
public enum PushOutcome
{
    /// <summary>The commit is on the remote branch (pushed now, or by a try whose answer was lost).</summary>
    Landed,
    /// <summary>The branch moved on without it: re-apply the edit on the new tip.</summary>
    RemoteMovedOn,
}

/// <summary>
/// Pushes the checkout's new commit without ever forcing. When the connection fails, the push's outcome is unknown:
/// the remote may have taken the pack and moved the branch before the answer was lost. So before trying again it
/// fetches the branch and looks: if the commit is there it landed (pushing or re-applying it again would add a second,
/// identical commit); if the branch still points at the commit's parent, the same commit is pushed again; otherwise
/// the remote moved on and the edit must be re-applied on the new tip.
/// </summary>
public sealed class CommitPusher(GitOpsCheckout checkout, Action<string> log)
{
    /// <summary>Pushes <paramref name="commit"/> (HEAD, whose parent is <paramref name="parent"/>); a failure that is
    /// neither contention nor transient (or transient for the whole budget) is thrown as its coded error.</summary>
    public PushOutcome Push(string commit, string parent)
    {
        var retry = checkout.Retry;
        var description = $"git push to {checkout.Location.DisplayName} {checkout.Branch}";
        for (var attempt = 1; ; attempt++)
        {
            var push = checkout.PushHead();
            if (push.Succeeded)
            {
                return PushOutcome.Landed;
            }

            var kind = GitFailureClassifier.Classify(push);
            if (kind == GitFailureKind.Rejected)
            {
                return PushOutcome.RemoteMovedOn;
            }

            if (!retry.ShouldRetry(push, attempt))
            {
                throw checkout.RemoteFailure(push, "push");
            }

            retry.WaitBeforeRetry(description, push, attempt);
            checkout.FetchRemoteTip();
            if (checkout.RemoteContains(commit))
            {
                log(ProgressMessage.BumpPushLandedBeforeFailure.Format(commit));
                return PushOutcome.Landed;
            }

            if (checkout.FetchedTip() != parent)
            {
                return PushOutcome.RemoteMovedOn;
            }
        }
    }
}
