namespace WellTrack.Core.Git;

/// <summary>Why a git command against a remote failed; decides between retrying, re-cloning and giving up.</summary>
public enum GitFailureKind
{
    Other,
    /// <summary>The remote moved on (non-fast-forward): fetch, re-apply and push again.</summary>
    Rejected,
    /// <summary>Credentials missing or refused: never retried.</summary>
    Authentication,
    /// <summary>Host unknown, connection refused, no repository there.</summary>
    Unreachable,
    /// <summary>The requested branch does not exist on the remote.</summary>
    MissingBranch,
}
