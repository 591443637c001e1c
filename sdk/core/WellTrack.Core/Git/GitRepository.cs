using WellTrack.Diagnostics;

namespace WellTrack.Core.Git;

/// <summary>A working copy and the git operations a bump needs on it, each one command with an argument list.</summary>
public sealed class GitRepository
{
    private readonly GitProcessRunner _runner;
    private readonly IReadOnlyDictionary<string, string>? _environment;

    public GitRepository(string workingDirectory, GitProcessRunner runner, IReadOnlyDictionary<string, string>? environment = null)
    {
        WorkingDirectory = workingDirectory;
        _runner = runner;
        _environment = environment;
    }

    public string WorkingDirectory { get; }

    public TimeSpan? NetworkTimeout { get; init; }

    /// <summary>Cancels every command of this repository (the process is killed); see <see cref="Uncancellable"/>.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The same repository without cancellation: the few quick local commands that put things back after a
    /// cancelled run must still run.</summary>
    public GitRepository Uncancellable() => new(WorkingDirectory, _runner, _environment) { NetworkTimeout = NetworkTimeout };

    public GitResult Run(params string[] arguments) => Run(arguments, standardInput: null);

    public GitResult Run(IReadOnlyList<string> arguments, string? standardInput, TimeSpan? timeout = null)
        => _runner.Run(new GitCommand(arguments, WorkingDirectory, _environment, standardInput, timeout), CancellationToken);

    /// <summary>Runs a command that must succeed; a failure is WT2003 with git's own explanation.</summary>
    public string RunChecked(params string[] arguments)
    {
        var result = Run(arguments);
        if (!result.Succeeded)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT2003, SourceLocation.InFile(WorkingDirectory), "git " + arguments[0], GitFailureClassifier.Summarize(result));
        }

        return result.StandardOutput;
    }

    public string HeadCommit() => Run("rev-parse", "HEAD") is { Succeeded: true } result ? result.FirstLine : string.Empty;

    public bool IsInsideWorkTree() => Run("rev-parse", "--is-inside-work-tree") is { Succeeded: true } result && result.FirstLine == "true";

    public string? CurrentBranch() => Run("symbolic-ref", "--quiet", "--short", "HEAD") is { Succeeded: true } result ? result.FirstLine : null;

    /// <summary>Paths (relative, forward slashes) with staged or unstaged changes, untracked included.</summary>
    public IReadOnlyList<string> ChangedPaths()
    {
        // No optional locks: reading the status must not rewrite the index (it may be on a full disk, or in use).
        var output = RunChecked("--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=all");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => entry.Length > 3)
            .Select(entry => entry[3..])
            .ToList();
    }

    /// <summary>Fetches one branch into its remote-tracking ref; returns the result so callers can classify network
    /// failures. <paramref name="filter"/> (a partial clone's <c>--filter</c>) replaces the clone's own for this fetch.</summary>
    public GitResult FetchBranch(string remote, string branch, string? filter = null)
        => Run(
            filter is null
                ? ["fetch", "--quiet", "--no-tags", remote, $"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"]
                : ["fetch", "--quiet", "--no-tags", $"--filter={filter}", remote, $"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"],
            null,
            NetworkTimeout);

    public GitResult Push(string remote, string branch)
        => Run(["push", "--quiet", "--porcelain", remote, $"HEAD:refs/heads/{branch}"], null, NetworkTimeout);

    public void ResetHard(string revision)
    {
        RunChecked("reset", "--quiet", "--hard", revision);
        RunChecked("clean", "--quiet", "-fdx");
    }

    public void Stage(IEnumerable<string> relativePaths)
    {
        var arguments = new List<string> { "add", "--" };
        arguments.AddRange(relativePaths);
        var result = Run(arguments, null);
        if (!result.Succeeded)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT2003, SourceLocation.InFile(WorkingDirectory), "git add", GitFailureClassifier.Summarize(result));
        }
    }

    /// <summary>Commits what is staged with the message on standard input (no quoting, no length limit).</summary>
    public string Commit(string message, GitIdentity author)
    {
        var arguments = new List<string>
        {
            "-c", $"user.name={author.Name}", "-c", $"user.email={author.Email}", "-c", "commit.gpgsign=false",
            "commit", "--quiet", "--no-verify", "--cleanup=verbatim", "-F", "-",
        };
        var result = Run(arguments, message);
        if (!result.Succeeded)
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT2003, SourceLocation.InFile(WorkingDirectory), "git commit", GitFailureClassifier.Summarize(result));
        }

        return HeadCommit();
    }
}
