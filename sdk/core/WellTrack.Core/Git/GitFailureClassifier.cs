namespace WellTrack.Core.Git;

/// <summary>
/// Reads git's (English, see <see cref="GitProcessRunner"/>) error text. Git has no machine-readable failure
/// codes for transport errors, so this is the one place that knows its wording.
/// </summary>
public static class GitFailureClassifier
{
    private static readonly string[] RejectedMarkers =
    [
        "[rejected]", "non-fast-forward", "fetch first", "[remote rejected]", "failed to update ref",
        "cannot lock ref", "stale info",
    ];

    private static readonly string[] AuthenticationMarkers =
    [
        "Authentication failed", "could not read Username", "could not read Password", "Permission denied",
        "returned error: 403", "returned error: 401", "terminal prompts disabled", "Invalid username or password",
    ];

    private static readonly string[] UnreachableMarkers =
    [
        "Could not resolve host", "Connection refused", "unable to connect", "does not appear to be a git repository",
        "Could not read from remote repository", "not found", "No such file or directory", "unable to access",
        "Connection timed out", "Network is unreachable", "remote end hung up",
    ];

    private static readonly string[] MissingBranchMarkers =
    [
        "Remote branch", "couldn't find remote ref", "not found in upstream",
    ];

    public static GitFailureKind Classify(GitResult result)
    {
        var text = result.StandardError + "\n" + result.StandardOutput;
        // Order matters: a rejected push also says "failed to push", an auth failure also "unable to access".
        if (ContainsAny(text, MissingBranchMarkers))
        {
            return GitFailureKind.MissingBranch;
        }

        if (ContainsAny(text, RejectedMarkers))
        {
            return GitFailureKind.Rejected;
        }

        if (ContainsAny(text, AuthenticationMarkers))
        {
            return GitFailureKind.Authentication;
        }

        return ContainsAny(text, UnreachableMarkers) ? GitFailureKind.Unreachable : GitFailureKind.Other;
    }

    /// <summary>The last non-empty line git printed: the one that says what went wrong, without its progress noise.</summary>
    public static string Summarize(GitResult result)
    {
        var lines = (result.StandardError + "\n" + result.StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var meaningful = lines.Where(line => line.StartsWith("fatal:", StringComparison.Ordinal)
            || line.StartsWith("error:", StringComparison.Ordinal)
            || line.StartsWith("!", StringComparison.Ordinal)).ToList();
        return meaningful.Count > 0 ? string.Join(" ", meaningful) : lines.LastOrDefault() ?? $"exit code {result.ExitCode}";
    }

    private static bool ContainsAny(string text, string[] markers)
        => markers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
