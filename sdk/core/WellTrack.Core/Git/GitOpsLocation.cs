using WellTrack.Diagnostics;

namespace WellTrack.Core.Git;

/// <summary>How the GitOps repository was named: a remote URL, a bare repository path, or a working copy.</summary>
public enum GitOpsLocationKind
{
    Remote,
    BareRepository,
    WorkingCopy,
}

/// <summary>Where the GitOps repository lives, classified once so the rest of the code need not guess.</summary>
public sealed record GitOpsLocation(GitOpsLocationKind Kind, string Original, string CloneUrl, string? WorkingCopyPath)
{
    public static GitOpsLocation Parse(string repository, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(repository))
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT9002, null, "GitOpsRepository");
        }

        if (LooksLikeUrl(repository))
        {
            return new GitOpsLocation(GitOpsLocationKind.Remote, repository, repository, null);
        }

        var path = Path.GetFullPath(repository, baseDirectory);
        if (!Directory.Exists(path))
        {
            throw DiagnosticException.Error(DiagnosticCodes.WT2004, SourceLocation.InFile(path), repository);
        }

        if (Directory.Exists(Path.Combine(path, ".git")) || File.Exists(Path.Combine(path, ".git")))
        {
            return new GitOpsLocation(GitOpsLocationKind.WorkingCopy, repository, path, path);
        }

        if (File.Exists(Path.Combine(path, "HEAD")) && Directory.Exists(Path.Combine(path, "objects")))
        {
            // file:// makes git use its pack protocol, so a partial clone works as for any remote.
            return new GitOpsLocation(GitOpsLocationKind.BareRepository, repository, new Uri(path).AbsoluteUri, null);
        }

        throw DiagnosticException.Error(DiagnosticCodes.WT2004, SourceLocation.InFile(path), repository);
    }

    private static bool LooksLikeUrl(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        // scp-like syntax: user@host:path (git treats "host:path" as ssh when no slash precedes the colon).
        var colon = text.IndexOf(':');
        var slash = text.IndexOf('/');
        return colon > 0 && (slash < 0 || colon < slash) && text.IndexOf('@') is var at && at >= 0 && at < colon;
    }

    /// <summary>The remote as it may be printed: user information (a token someone put in the URL) removed.</summary>
    public string DisplayName => RedactUserInfo(Original);

    public static string RedactUserInfo(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return url;
        }

        var hostStart = scheme + 3;
        var at = url.IndexOf('@', hostStart);
        var slash = url.IndexOf('/', hostStart);
        return at > 0 && (slash < 0 || at < slash) ? url[..hostStart] + "***@" + url[(at + 1)..] : url;
    }
}
