using System.Globalization;
using System.Text.RegularExpressions;

namespace WellTrack.Core.Git;

/// <summary>
/// Reads git's (English, see <see cref="GitProcessRunner"/>) error text. Git has no machine-readable failure
/// codes for transport errors, so this is the one place that knows its wording.
/// </summary>
public static partial class GitFailureClassifier
{
    /// <summary>The longest wait a server's Retry-After may impose before the next try.</summary>
    public static readonly TimeSpan MaximumRetryAfter = TimeSpan.FromMinutes(2);

    // A hook or a branch protection refuses whatever is pushed: trying again cannot help.
    private static readonly string[] RefusedMarkers =
    [
        "hook declined", "protected branch", "protected branches", "GH006",
    ];

    // "[remote rejected] ... (cannot lock ref / failed to update ref)" is another push winning the same ref: contention.
    private static readonly string[] RejectedMarkers =
    [
        "[rejected]", "non-fast-forward", "fetch first", "[remote rejected]", "failed to update ref",
        "cannot lock ref", "stale info",
    ];

    private static readonly string[] AuthenticationMarkers =
    [
        "Authentication failed", "could not read Username", "could not read Password", "Permission denied",
        "returned error: 403", "returned error: 401", "terminal prompts disabled", "Invalid username or password",
        "Host key verification failed",
    ];

    // Permanent: no such host or no repository there. Checked before the transient markers, because git follows
    // these with the same "Could not read from remote repository" that alone means the connection was cut.
    private static readonly string[] UnreachableMarkers =
    [
        "Could not resolve host", "Could not resolve hostname", "Name or service not known",
        "does not appear to be a git repository", "no such repository", "repository not exported", "not found",
        "No such file or directory",
    ];

    // A connection reset, refused or timed out, a hang-up before the end of the conversation, a server answering
    // "busy" (HTTP 5xx, 429). A git daemon out of slots drops connections: the client reads a reset or a hang-up.
    private static readonly string[] TransientMarkers =
    [
        "Connection reset", "Connection refused", "Connection timed out", "Operation timed out", "timed out after",
        "remote end hung up", "early EOF", "unexpected disconnect", "Broken pipe", "Could not read from remote repository",
        "Couldn't connect to server", "Failed to connect", "Recv failure", "Send failure", "Empty reply from server",
        "transfer closed", "RPC failed", "Network is unreachable", "Temporary failure in name resolution",
        "unable to connect", "was not closed cleanly", "GnuTLS recv error", "SSL_read",
    ];

    public static GitFailureKind Classify(GitResult result)
    {
        var text = result.StandardError + "\n" + result.StandardOutput;
        // Order matters: a rejected push also says "failed to push", an auth failure also "unable to access", a
        // hook's refusal is also "[remote rejected]", a missing repository also "Could not read from remote".
        if (ContainsAny(text, MissingBranchMarkers))
        {
            return GitFailureKind.MissingBranch;
        }

        if (ContainsAny(text, RefusedMarkers))
        {
            return GitFailureKind.Refused;
        }

        if (ContainsAny(text, RejectedMarkers))
        {
            return GitFailureKind.Rejected;
        }

        if (ContainsAny(text, AuthenticationMarkers))
        {
            return GitFailureKind.Authentication;
        }

        if (ContainsAny(text, UnreachableMarkers))
        {
            return GitFailureKind.Unreachable;
        }

        return ContainsAny(text, TransientMarkers) || BusyHttpStatus().IsMatch(text) ? GitFailureKind.Transient : GitFailureKind.Other;
    }

    private static readonly string[] MissingBranchMarkers =
    [
        "Remote branch", "couldn't find remote ref", "not found in upstream",
    ];

    /// <summary>
    /// The wait a server asked for with <c>Retry-After</c> (seconds or an HTTP date), when git printed the header
    /// (with <c>GIT_TRACE_CURL</c>, or in its own message); null when it did not. Capped at <see cref="MaximumRetryAfter"/>.
    /// </summary>
    public static TimeSpan? RetryAfter(GitResult result, DateTimeOffset now)
    {
        var match = RetryAfterHeader().Match(result.StandardError + "\n" + result.StandardOutput);
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups[1].Value.Trim();
        TimeSpan wait;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            wait = TimeSpan.FromSeconds(seconds);
        }
        else if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            wait = date - now;
        }
        else
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaximumRetryAfter ? MaximumRetryAfter : wait;
    }

    /// <summary>The last non-empty line git printed: the one that says what went wrong, without its progress noise.</summary>
    public static string Summarize(GitResult result)
    {
        var lines = (result.StandardError + "\n" + result.StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var meaningful = lines.Where(line => line.StartsWith("fatal:", StringComparison.Ordinal)
            || line.StartsWith("error:", StringComparison.Ordinal)
            || line.StartsWith('!')).ToList();
        return meaningful.Count > 0 ? string.Join(" ", meaningful) : lines.LastOrDefault() ?? $"exit code {result.ExitCode}";
    }

    private static bool ContainsAny(string text, string[] markers)
        => markers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));

    // curl's "The requested URL returned error: 503" and git's "RPC failed; HTTP 502 curl 22 ...".
    [GeneratedRegex(@"(returned error: |HTTP )(5\d\d|429)\b")]
    private static partial Regex BusyHttpStatus();

    [GeneratedRegex(@"Retry-After:\s*([^\r\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex RetryAfterHeader();
}
