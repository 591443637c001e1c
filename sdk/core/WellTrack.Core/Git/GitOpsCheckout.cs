using System.Security.Cryptography;
using System.Text;
using WellTrack.Core.IO;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Git;

/// <summary>
/// A working copy of the GitOps branch to edit. For a remote or a bare repository it is a blob-less clone in a cache
/// directory reused across runs (fetched, then reset to the remote tip, so each attempt edits the newest contents);
/// for a working copy it is that directory itself.
/// </summary>
public sealed class GitOpsCheckout : IDisposable
{
    public const string RemoteName = "origin";

    // The cache is cloned without any file contents (history is what the ordering rule reads), but each refresh is
    // followed by a checkout of the new tip: fetching its files with the commits saves the second connection that
    // git would otherwise open to fetch them lazily (50 ms of a bump on loopback, more over a real network).
    private const string RefreshFilter = "blob:limit=1m";

    private readonly DirectoryLock? _lock;
    private readonly string? _baseCommitBeforeBump;

    private GitOpsCheckout(GitOpsLocation location, string branch, GitRepository repository, DirectoryLock? cacheLock, bool hasRemote, string credentialMechanism, RemoteRetry retry)
    {
        CredentialMechanism = credentialMechanism;
        Retry = retry;
        Location = location;
        Branch = branch;
        Repository = repository;
        _lock = cacheLock;
        HasRemote = hasRemote;
        _baseCommitBeforeBump = location.Kind == GitOpsLocationKind.WorkingCopy ? repository.HeadCommit() : null;
    }

    public GitOpsLocation Location { get; }

    public string Branch { get; }

    public GitRepository Repository { get; }

    public string Root => Repository.WorkingDirectory;

    /// <summary>Whether there is somewhere to push to (a working copy may have no remote).</summary>
    public bool HasRemote { get; }

    public bool IsCacheClone => Location.Kind != GitOpsLocationKind.WorkingCopy;

    /// <summary>Which mechanism supplied credentials, named in authentication errors.</summary>
    public string CredentialMechanism { get; }

    /// <summary>Retries transient failures of every command against the remote; carries the bump's cancellation.</summary>
    public RemoteRetry Retry { get; }

    /// <summary>Commands that reached the remote (clones count as fetches), tries included.</summary>
    public int Fetches { get; private set; }

    public int Pushes { get; private set; }

    public string RemoteRef => $"refs/remotes/{RemoteName}/{Branch}";

    public static GitOpsCheckout Open(GitOpsLocation location, string branch, string cacheRoot, GitProcessRunner runner, GitCredentials credentials, TimeSpan networkTimeout, RemoteRetry retry)
    {
        var environment = credentials.Environment;
        var mechanism = credentials.Mechanism;
        if (location.Kind == GitOpsLocationKind.WorkingCopy)
        {
            return OpenWorkingCopy(location, branch, runner, environment, networkTimeout, mechanism, retry);
        }

        var cacheDirectory = Path.Combine(cacheRoot, CacheKey(location.CloneUrl, branch));
        var cacheLock = DirectoryLock.Acquire(cacheDirectory + ".lock", TimeSpan.FromMinutes(5), retry.CancellationToken);
        try
        {
            var repository = new GitRepository(cacheDirectory, runner, environment) { NetworkTimeout = networkTimeout, CancellationToken = retry.CancellationToken };
            var checkout = new GitOpsCheckout(location, branch, repository, cacheLock, hasRemote: true, mechanism, retry);
            if (!IsUsableClone(repository, location) || !checkout.TryRefresh() || !checkout.TryResetToRemote())
            {
                // Missing, or damaged (an interrupted run, a disk error): a cache can always be cloned again.
                Clone(checkout, cacheDirectory, runner, environment, networkTimeout);
                repository.ResetHard($"refs/remotes/{RemoteName}/{branch}");
            }

            return checkout;
        }
        catch
        {
            cacheLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Brings the checkout to the remote's newest tip before an attempt is re-applied. In a working copy that is only
    /// safe when nothing but the bump itself was unpushed; otherwise someone's local commits would be dropped.
    /// </summary>
    public void SyncToRemoteTip()
    {
        FetchRemoteTip();
        MoveToFetchedTip();
    }

    /// <summary>Fetches the target branch alone into its remote-tracking ref, retrying transient failures.</summary>
    public void FetchRemoteTip()
    {
        var fetch = Fetch(IsCacheClone ? RefreshFilter : null);
        if (!fetch.Succeeded)
        {
            throw RemoteFailure(fetch, "fetch");
        }
    }

    /// <summary>Moves the checkout to the tip <see cref="FetchRemoteTip"/> fetched (see <see cref="SyncToRemoteTip"/>).</summary>
    public void MoveToFetchedTip()
    {
        if (!IsCacheClone)
        {
            var remoteRef = RemoteRef;
            var baseIsRemote = Repository.Run("merge-base", "--is-ancestor", _baseCommitBeforeBump ?? "HEAD", remoteRef).Succeeded;
            if (!baseIsRemote)
            {
                throw DiagnosticException.Error(DiagnosticCodes.WT2008, SourceLocation.InFile(Root), Branch);
            }

            Repository.RunChecked("reset", "--quiet", "--keep", remoteRef);
            return;
        }

        Repository.ResetHard(RemoteRef);
    }

    /// <summary>Whether the last fetched tip of the branch contains <paramref name="commit"/>: a push that seemed to fail landed.</summary>
    public bool RemoteContains(string commit) => Repository.Run("merge-base", "--is-ancestor", commit, RemoteRef).Succeeded;

    /// <summary>The last fetched tip of the branch.</summary>
    public string FetchedTip() => Repository.Run("rev-parse", "--verify", "--quiet", RemoteRef).FirstLine;

    /// <summary>Commits on the fetched tip that <paramref name="since"/> does not have: what other pipelines landed meanwhile.</summary>
    public int CommitsLandedSince(string since)
        => Repository.Run("rev-list", "--count", $"{since}..{RemoteRef}") is { Succeeded: true } count
           && int.TryParse(count.FirstLine, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>One push of HEAD to the branch, counted; transient failures are the caller's (<see cref="CommitPusher"/>): a push's outcome needs checking first.</summary>
    public GitResult PushHead()
    {
        Pushes++;
        return Repository.Push(RemoteName, Branch);
    }

    /// <summary>Turns a failed fetch or push into the coded error that says which remote and what went wrong.</summary>
    public DiagnosticException RemoteFailure(GitResult result, string operation)
    {
        var summary = GitFailureClassifier.Summarize(result);
        var code = GitFailureClassifier.Classify(result) switch
        {
            GitFailureKind.Authentication => DiagnosticCodes.WT2005,
            // A connection that kept failing for the whole budget: the host does not answer.
            GitFailureKind.Unreachable or GitFailureKind.Transient => DiagnosticCodes.WT2006,
            GitFailureKind.MissingBranch => DiagnosticCodes.WT2007,
            GitFailureKind.Rejected or GitFailureKind.Refused => DiagnosticCodes.WT2010,
            _ => DiagnosticCodes.WT2003,
        };
        return code == DiagnosticCodes.WT2003
            ? DiagnosticException.Error(code, SourceLocation.InFile(Location.DisplayName), "git " + operation, summary)
            : DiagnosticException.Error(code, SourceLocation.InFile(Location.DisplayName), Location.DisplayName, Branch, summary, CredentialMechanism);
    }

    public void Dispose() => _lock?.Dispose();

    private static GitOpsCheckout OpenWorkingCopy(GitOpsLocation location, string branch, GitProcessRunner runner, IReadOnlyDictionary<string, string>? environment, TimeSpan networkTimeout, string mechanism, RemoteRetry retry)
    {
        var repository = new GitRepository(location.WorkingCopyPath!, runner, environment) { NetworkTimeout = networkTimeout, CancellationToken = retry.CancellationToken };
        var current = repository.CurrentBranch();
        if (current != branch)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT2011, SourceLocation.InFile(location.WorkingCopyPath), current ?? "(detached HEAD)", branch);
        }

        var hasRemote = repository.Run("remote", "get-url", RemoteName).Succeeded;
        return new GitOpsCheckout(location, branch, repository, cacheLock: null, hasRemote, mechanism, retry);
    }

    private static bool IsUsableClone(GitRepository repository, GitOpsLocation location)
    {
        if (!Directory.Exists(Path.Combine(repository.WorkingDirectory, ".git")))
        {
            return false;
        }

        var url = repository.Run("remote", "get-url", RemoteName);
        return url.Succeeded && url.FirstLine == location.CloneUrl && repository.Run("rev-parse", "--verify", "--quiet", "HEAD").Succeeded;
    }

    /// <summary>Fetches the branch; false when the clone itself is broken, an exception when the remote is.</summary>
    private bool TryRefresh()
    {
        var fetch = Fetch(RefreshFilter);
        if (fetch.Succeeded)
        {
            return true;
        }

        var kind = GitFailureClassifier.Classify(fetch);
        if (kind is GitFailureKind.Authentication or GitFailureKind.Unreachable or GitFailureKind.MissingBranch or GitFailureKind.Transient)
        {
            throw RemoteFailure(fetch, "fetch");
        }

        return false;
    }

    /// <summary>Fetches the target branch (and nothing else), retrying transient failures; every try is counted.</summary>
    private GitResult Fetch(string? filter)
        => Retry.Run($"git fetch from {Location.DisplayName}", () =>
        {
            Fetches++;
            return Repository.FetchBranch(RemoteName, Branch, filter);
        });

    private bool TryResetToRemote()
    {
        var remoteRef = RemoteRef;
        return Repository.Run("reset", "--quiet", "--hard", remoteRef).Succeeded && Repository.Run("clean", "--quiet", "-fdx").Succeeded;
    }

    private static void Clone(GitOpsCheckout checkout, string directory, GitProcessRunner runner, IReadOnlyDictionary<string, string>? environment, TimeSpan networkTimeout)
    {
        DirectoryTree.Delete(directory);
        var parent = Path.GetDirectoryName(directory)!;
        Directory.CreateDirectory(parent);
        var temporary = directory + ".cloning";
        DirectoryTree.Delete(temporary);
        GitResult clone;
        try
        {
            clone = checkout.Retry.Run(
                $"git clone of {checkout.Location.DisplayName}",
                () =>
                {
                    checkout.Fetches++;
                    return runner.Run(
                        new GitCommand(
                            // Full commit history (the ordering rule reads earlier bumps' trailers) but file contents only on demand.
                            ["clone", "--quiet", "--filter=blob:none", "--single-branch", "--no-tags", $"--branch={checkout.Branch}", checkout.Location.CloneUrl, temporary],
                            parent,
                            environment,
                            Timeout: networkTimeout),
                        checkout.Retry.CancellationToken);
                },
                beforeRetry: () => DirectoryTree.Delete(temporary));
        }
        catch (OperationCanceledException)
        {
            DirectoryTree.Delete(temporary);
            throw;
        }

        if (!clone.Succeeded)
        {
            DirectoryTree.Delete(temporary);
            throw checkout.RemoteFailure(clone, "clone");
        }

        // Cloned aside and moved into place, so an interrupted clone never looks like a usable cache.
        Directory.Move(temporary, directory);
    }

    private static string CacheKey(string url, string branch)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url + "\n" + branch)))[..16];
        var readable = new string(Path.GetFileNameWithoutExtension(url.TrimEnd('/')).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return $"{readable}-{hash}";
    }
}
