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

    private GitOpsCheckout(GitOpsLocation location, string branch, GitRepository repository, DirectoryLock? cacheLock, bool hasRemote, string credentialMechanism)
    {
        CredentialMechanism = credentialMechanism;
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

    public static GitOpsCheckout Open(GitOpsLocation location, string branch, string cacheRoot, GitProcessRunner runner, GitCredentials credentials, TimeSpan networkTimeout)
    {
        var environment = credentials.Environment;
        var mechanism = credentials.Mechanism;
        if (location.Kind == GitOpsLocationKind.WorkingCopy)
        {
            return OpenWorkingCopy(location, branch, runner, environment, networkTimeout, mechanism);
        }

        var cacheDirectory = Path.Combine(cacheRoot, CacheKey(location.CloneUrl, branch));
        var cacheLock = DirectoryLock.Acquire(cacheDirectory + ".lock", TimeSpan.FromMinutes(5));
        try
        {
            var repository = new GitRepository(cacheDirectory, runner, environment) { NetworkTimeout = networkTimeout };
            var checkout = new GitOpsCheckout(location, branch, repository, cacheLock, hasRemote: true, mechanism);
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
        var fetch = Repository.FetchBranch(RemoteName, Branch, IsCacheClone ? RefreshFilter : null);
        if (!fetch.Succeeded)
        {
            throw RemoteFailure(fetch, "fetch");
        }

        if (!IsCacheClone)
        {
            var remoteRef = $"refs/remotes/{RemoteName}/{Branch}";
            var baseIsRemote = Repository.Run("merge-base", "--is-ancestor", _baseCommitBeforeBump ?? "HEAD", remoteRef).Succeeded;
            if (!baseIsRemote)
            {
                throw DiagnosticException.Error(DiagnosticCodes.WT2008, SourceLocation.InFile(Root), Branch);
            }

            Repository.RunChecked("reset", "--quiet", "--keep", remoteRef);
            return;
        }

        Repository.ResetHard($"refs/remotes/{RemoteName}/{Branch}");
    }

    /// <summary>Turns a failed fetch or push into the coded error that says which remote and what went wrong.</summary>
    public DiagnosticException RemoteFailure(GitResult result, string operation)
    {
        var summary = GitFailureClassifier.Summarize(result);
        var code = GitFailureClassifier.Classify(result) switch
        {
            GitFailureKind.Authentication => DiagnosticCodes.WT2005,
            GitFailureKind.Unreachable => DiagnosticCodes.WT2006,
            GitFailureKind.MissingBranch => DiagnosticCodes.WT2007,
            GitFailureKind.Rejected => DiagnosticCodes.WT2010,
            _ => DiagnosticCodes.WT2003,
        };
        return code == DiagnosticCodes.WT2003
            ? DiagnosticException.Error(code, SourceLocation.InFile(Location.DisplayName), "git " + operation, summary)
            : DiagnosticException.Error(code, SourceLocation.InFile(Location.DisplayName), Location.DisplayName, Branch, summary, CredentialMechanism);
    }

    public void Dispose() => _lock?.Dispose();

    private static GitOpsCheckout OpenWorkingCopy(GitOpsLocation location, string branch, GitProcessRunner runner, IReadOnlyDictionary<string, string>? environment, TimeSpan networkTimeout, string mechanism)
    {
        var repository = new GitRepository(location.WorkingCopyPath!, runner, environment) { NetworkTimeout = networkTimeout };
        var current = repository.CurrentBranch();
        if (current != branch)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT2011, SourceLocation.InFile(location.WorkingCopyPath), current ?? "(detached HEAD)", branch);
        }

        var hasRemote = repository.Run("remote", "get-url", RemoteName).Succeeded;
        return new GitOpsCheckout(location, branch, repository, cacheLock: null, hasRemote, mechanism);
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
        var fetch = Repository.FetchBranch(RemoteName, Branch, RefreshFilter);
        if (fetch.Succeeded)
        {
            return true;
        }

        var kind = GitFailureClassifier.Classify(fetch);
        if (kind is GitFailureKind.Authentication or GitFailureKind.Unreachable or GitFailureKind.MissingBranch)
        {
            throw RemoteFailure(fetch, "fetch");
        }

        return false;
    }

    private bool TryResetToRemote()
    {
        var remoteRef = $"refs/remotes/{RemoteName}/{Branch}";
        return Repository.Run("reset", "--quiet", "--hard", remoteRef).Succeeded && Repository.Run("clean", "--quiet", "-fdx").Succeeded;
    }

    private static void Clone(GitOpsCheckout checkout, string directory, GitProcessRunner runner, IReadOnlyDictionary<string, string>? environment, TimeSpan networkTimeout)
    {
        DirectoryTree.Delete(directory);
        var parent = Path.GetDirectoryName(directory)!;
        Directory.CreateDirectory(parent);
        var temporary = directory + ".cloning";
        DirectoryTree.Delete(temporary);
        var clone = runner.Run(new GitCommand(
            // Full commit history (the ordering rule reads earlier bumps' trailers) but file contents only on demand.
            ["clone", "--quiet", "--filter=blob:none", "--single-branch", "--no-tags", $"--branch={checkout.Branch}", checkout.Location.CloneUrl, temporary],
            parent,
            environment,
            Timeout: networkTimeout));
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
