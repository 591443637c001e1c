namespace WellTrack.Core.Git;

/// <summary>Why a git command against a remote failed; decides between retrying, re-cloning and giving up.</summary>
public enum GitFailureKind
{
    Other,
    /// <summary>The remote moved on (non-fast-forward): fetch, re-apply and push again.</summary>
    Rejected,
    /// <summary>Credentials missing or refused: never retried.</summary>
    Authentication,
    /// <summary>Host unknown, no repository there: never retried.</summary>
    Unreachable,
    /// <summary>The requested branch does not exist on the remote.</summary>
    MissingBranch,
    /// <summary>
    /// The connection failed or was cut (reset, refused, timed out, hung up early, HTTP 5xx or 429): a server under
    /// load answers the next try, so the same command is tried again; a push's outcome is then unknown.
    /// </summary>
    Transient,
    /// <summary>The remote refused the push for good (a hook declined it, the branch is protected): never retried.</summary>
    Refused,
}
