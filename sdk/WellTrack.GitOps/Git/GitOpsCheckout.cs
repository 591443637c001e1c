using System.Security.Cryptography;
using System.Text;
using WellTrack.GitOps.Diagnostics;

namespace WellTrack.GitOps.Git;

/// <summary>
/// A working copy of the GitOps branch to edit. For a remote or a bare repository it is a shallow clone in a cache
/// directory reused across runs (fetched, then reset to the remote tip, so each attempt edits the newest contents);
/// for a working copy it is that directory itself.
/// </summary>
public sealed class GitOpsCheckout : IDisposable
{
    public const string RemoteName = "origin";

    private readonly DirectoryLock? _lock;
    private readonly string? _baseCommitBeforeBump;

    private GitOpsCheckout(GitOpsLocation location, string branch, GitRepository repository, DirectoryLock? cacheLock, bool hasRemote)
    {
        Location = location;
        Branch = branch;
        Repository = repository;
        _lock = cacheLock;
        HasRemote = hasRemote;
        _baseCommitBeforeBump = repository.HeadCommit();
    }

    public GitOpsLocation Location { get; }

    public string Branch { get; }

    public GitRepository Repository { get; }

    public string Root => Repository.WorkingDirectory;

    /// <summary>Whether there is somewhere to push to (a working copy may have no remote).</summary>
    public bool HasRemote { get; }

    public bool IsCacheClone => Location.Kind != GitOpsLocationKind.WorkingCopy;

    public static GitOpsCheckout Open(GitOpsLocation location, string branch, string cacheRoot, GitProcessRunner runner, IReadOnlyDictionary<string, string>? environment, TimeSpan networkTimeout)
    {
        if (location.Kind == GitOpsLocationKind.WorkingCopy)
        {
            return OpenWorkingCopy(location, branch, runner, environment, networkTimeout);
        }

        var cacheDirectory = Path.Combine(cacheRoot, CacheKey(location.CloneUrl, branch));
        var cacheLock = DirectoryLock.Acquire(cacheDirectory + ".lock", TimeSpan.FromMinutes(5));
        try
        {
            var repository = new GitRepository(cacheDirectory, runner, environment) { NetworkTimeout = networkTimeout };
            if (!IsUsableClone(repository, location))
            {
                Clone(location, branch, cacheDirectory, runner, environment, networkTimeout);
            }
            else if (!TryRefresh(repository, location, branch))
            {
                // A clone that cannot be fetched into although the remote answers is damaged: start again.
                DeleteDirectory(cacheDirectory);
                Clone(location, branch, cacheDirectory, runner, environment, networkTimeout);
            }

            repository.ResetHard($"refs/remotes/{RemoteName}/{branch}");
            return new GitOpsCheckout(location, branch, repository, cacheLock, hasRemote: true);
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
        // A working copy keeps its full history so the ancestry check below can see where its commits came from.
        var fetch = Repository.FetchBranch(RemoteName, Branch, IsCacheClone ? 1 : null);
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
                throw GitOpsException.Error("WT2008", SourceLocation.InFile(Root), Branch);
            }

            Repository.RunChecked("reset", "--quiet", "--keep", remoteRef);
            return;
        }

        Repository.ResetHard($"refs/remotes/{RemoteName}/{Branch}");
    }

    /// <summary>Turns a failed fetch or push into the coded error that says which remote and what went wrong.</summary>
    public GitOpsException RemoteFailure(GitResult result, string operation)
    {
        var summary = GitFailureClassifier.Summarize(result);
        var code = GitFailureClassifier.Classify(result) switch
        {
            GitFailureKind.Authentication => "WT2005",
            GitFailureKind.Unreachable => "WT2006",
            GitFailureKind.MissingBranch => "WT2007",
            GitFailureKind.Rejected => "WT2010",
            _ => "WT2003",
        };
        return code == "WT2003"
            ? GitOpsException.Error(code, SourceLocation.InFile(Location.DisplayName), "git " + operation, summary)
            : GitOpsException.Error(code, SourceLocation.InFile(Location.DisplayName), Location.DisplayName, Branch, summary);
    }

    public void Dispose() => _lock?.Dispose();

    private static GitOpsCheckout OpenWorkingCopy(GitOpsLocation location, string branch, GitProcessRunner runner, IReadOnlyDictionary<string, string>? environment, TimeSpan networkTimeout)
    {
        var repository = new GitRepository(location.WorkingCopyPath!, runner, environment) { NetworkTimeout = networkTimeout };
        var current = repository.CurrentBranch();
        if (current != branch)
        {
            throw GitOpsException.Error("WT2011", SourceLocation.InFile(location.WorkingCopyPath), current ?? "(detached HEAD)", branch);
        }

        var hasRemote = repository.Run("remote", "get-url", RemoteName).Succeeded;
        return new GitOpsCheckout(location, branch, repository, cacheLock: null, hasRemote);
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

    private static bool TryRefresh(GitRepository repository, GitOpsLocation location, string branch)
    {
        var fetch = repository.FetchBranch(RemoteName, branch, depth: 1);
        if (fetch.Succeeded)
        {
            return true;
        }

        var kind = GitFailureClassifier.Classify(fetch);
        if (kind is GitFailureKind.Authentication or GitFailureKind.Unreachable or GitFailureKind.MissingBranch)
        {
            var checkout = new GitOpsCheckout(location, branch, repository, cacheLock: null, hasRemote: true);
            throw checkout.RemoteFailure(fetch, "fetch");
        }

        return false;
    }

    private static void Clone(GitOpsLocation location, string branch, string directory, GitProcessRunner runner, IReadOnlyDictionary<string, string>? environment, TimeSpan networkTimeout)
    {
        DeleteDirectory(directory);
        var parent = Path.GetDirectoryName(directory)!;
        Directory.CreateDirectory(parent);
        var temporary = directory + ".cloning";
        DeleteDirectory(temporary);
        var clone = runner.Run(new GitCommand(
            ["clone", "--quiet", "--depth=1", "--single-branch", "--no-tags", $"--branch={branch}", location.CloneUrl, temporary],
            parent,
            environment,
            Timeout: networkTimeout));
        if (!clone.Succeeded)
        {
            DeleteDirectory(temporary);
            var probe = new GitOpsCheckout(location, branch, new GitRepository(parent, runner, environment), cacheLock: null, hasRemote: true);
            throw probe.RemoteFailure(clone, "clone");
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

    private static void DeleteDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        // Git marks pack files read-only; clear that so the delete cannot fail half way.
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(directory, recursive: true);
    }
}
