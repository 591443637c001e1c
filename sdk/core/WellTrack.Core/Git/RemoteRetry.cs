using WellTrack.Diagnostics;

namespace WellTrack.Core.Git;

/// <summary>
/// Runs one command against the remote and, while it fails for a transient reason (<see cref="GitFailureKind.Transient"/>),
/// runs it again after the backoff (or the server's Retry-After), up to <see cref="MaxAttempts"/> tries, logging each
/// retry. Any other failure is returned at once: the caller turns it into its coded error.
/// </summary>
public sealed class RemoteRetry
{
    private readonly Action<string> _log;
    private readonly TimeProvider _time;

    public RemoteRetry(int maxAttempts, RetryBackoff backoff, Action<string> log, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        MaxAttempts = Math.Max(1, maxAttempts);
        Backoff = backoff;
        _log = log;
        CancellationToken = cancellationToken;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Tries per command; the bump's <c>MaxAttempts</c>.</summary>
    public int MaxAttempts { get; }

    public RetryBackoff Backoff { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Retries made so far by every command, for the summary at the end of a bump.</summary>
    public int Retries { get; private set; }

    /// <summary>Runs <paramref name="command"/>; <paramref name="beforeRetry"/> tidies up what a failed try left (a half clone).</summary>
    public GitResult Run(string description, Func<GitResult> command, Action? beforeRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            CancellationToken.ThrowIfCancellationRequested();
            var result = command();
            if (!ShouldRetry(result, attempt))
            {
                return result;
            }

            WaitBeforeRetry(description, result, attempt);
            beforeRetry?.Invoke();
        }
    }

    /// <summary>Whether a failed try is worth another: transient, and tries left.</summary>
    public bool ShouldRetry(GitResult result, int attempt)
        => !result.Succeeded && attempt < MaxAttempts && GitFailureClassifier.Classify(result) == GitFailureKind.Transient;

    /// <summary>Logs the retry (a progress line: what failed, how, when the next try is) and waits for it.</summary>
    public void WaitBeforeRetry(string description, GitResult failed, int attempt)
    {
        var delay = GitFailureClassifier.RetryAfter(failed, _time.GetUtcNow()) ?? Backoff.Next();
        Retries++;
        _log(ProgressMessage.GitTransientRetry.Format(description, GitFailureClassifier.Summarize(failed), delay.TotalMilliseconds, attempt + 1, MaxAttempts));
        RetryBackoff.Wait(delay, CancellationToken);
    }
}
