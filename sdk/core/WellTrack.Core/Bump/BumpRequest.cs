using WellTrack.Core.Git;

namespace WellTrack.Core.Bump;

/// <summary>Everything a bump needs; the MSBuild task and the CLI both fill this from their own inputs.</summary>
public sealed record BumpRequest
{
    /// <summary>A remote URL, a bare repository path or a working-copy path.</summary>
    public required string Repository { get; init; }

    public string Branch { get; init; } = BumpDefaults.Branch;

    /// <summary>Chart directory names under <see cref="ChartsDirectory"/>.</summary>
    public required IReadOnlyList<string> Charts { get; init; }

    public IReadOnlyList<string> ValuesFiles { get; init; } = [BumpDefaults.ValuesFile];

    /// <summary>Where charts live inside the GitOps repository.</summary>
    public string ChartsDirectory { get; init; } = BumpDefaults.ChartsDirectory;

    public required string Tag { get; init; }

    /// <summary>The values that receive <see cref="Tag"/>: <c>image.tag</c>, and for instance a sidecar's tag too.</summary>
    public IReadOnlyList<string> ValuePaths { get; init; } = [BumpDefaults.ValuePath];

    /// <summary>Written to <c>image.digest</c> where the values file has that key, and recorded in a trailer.</summary>
    public string? Digest { get; init; }

    /// <summary>Written to <c>image.repository</c> when <see cref="SetRepository"/> is true.</summary>
    public string? ImageRepository { get; init; }

    public bool SetRepository { get; init; }

    public bool DryRun { get; init; }

    public bool Push { get; init; } = BumpDefaults.Push;

    /// <summary>The application repository and commit the image was built from, recorded as commit trailers.</summary>
    public string? SourceRepository { get; init; }

    public string? SourceCommit { get; init; }

    public GitIdentity Author { get; init; } = BumpDefaults.Author;

    /// <summary>
    /// Orders builds: a bump whose number is lower than the one that last bumped the same file is skipped. CI's run
    /// number where CI provides one, else the source commit's committer time (seconds since the epoch).
    /// </summary>
    public long? BuildNumber { get; init; }

    /// <summary>Lets a bump set an older build or a lower SemVer tag (a deliberate rollback through CI).</summary>
    public bool AllowDowngrade { get; init; }

    /// <summary>Bumps values whose line carries a <c># welltrack:pin</c> marker.</summary>
    public bool ForcePinned { get; init; }

    /// <summary>
    /// The commit message, with placeholders <c>{chart}</c>, <c>{path}</c>, <c>{old}</c>, <c>{new}</c>, <c>{digest}</c>,
    /// <c>{sourceRepository}</c>, <c>{sourceCommit}</c>, <c>{buildNumber}</c>, <c>{changes}</c>; null for the default.
    /// Trailers are always appended.
    /// </summary>
    public string? CommitMessageTemplate { get; init; }

    /// <summary>The name of an environment variable holding a token for HTTPS remotes; git reads it through GIT_ASKPASS.</summary>
    public string? TokenVariable { get; init; }

    /// <summary>Where cache clones of remote GitOps repositories live; reused across runs.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Directory relative paths are resolved against (the project directory, or the CLI's current one).</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    public int MaxAttempts { get; init; } = BumpDefaults.MaxAttempts;

    public TimeSpan NetworkTimeout { get; init; } = BumpDefaults.NetworkTimeout;

    /// <summary>The default cache root: $WELLTRACK_CACHE, else the user's cache directory.</summary>
    public static string DefaultCacheDirectory()
    {
        if (Environment.GetEnvironmentVariable("WELLTRACK_CACHE") is { Length: > 0 } configured)
        {
            return Path.Combine(configured, "gitops");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "welltrack", "gitops");
    }
}
