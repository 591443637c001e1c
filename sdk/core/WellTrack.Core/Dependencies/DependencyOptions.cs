using WellTrack.Templating.Charts;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// A repository as welltrack.yaml's <c>dependencies.repositories</c> describes it: the name <c>@name</c> and
/// <c>alias:name</c> references resolve to, and the names of the environment variables holding its credentials (a
/// username and password for basic authentication, or a bearer token). The credentials themselves never appear in
/// configuration, on a command line or in a log.
/// </summary>
public sealed record RepositorySettings(string Url)
{
    public string? Name { get; init; }

    public string? UsernameVariable { get; init; }

    public string? PasswordVariable { get; init; }

    public string? TokenVariable { get; init; }
}

/// <summary>How dependencies are fetched: where the cache is, whether the network may be used, limits and credentials.</summary>
public sealed record DependencyOptions
{
    /// <summary>Directory of the chart cache: <c>$WELLTRACK_CACHE/charts</c>, else <c>$XDG_CACHE_HOME/welltrack/charts</c>,
    /// else <c>~/.cache/welltrack/charts</c>.</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory(System.Environment.GetEnvironmentVariable);

    /// <summary>Use only the cache; what it lacks is a coded error (<c>--offline</c>, <c>GitOpsOffline</c>).</summary>
    public bool Offline { get; init; }

    /// <summary>How long one request to a repository may take (<c>dependencies.timeout</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<RepositorySettings> Repositories { get; init; } = [];

    public ChartArchiveLimits Limits { get; init; } = ChartArchiveLimits.Default;

    /// <summary>Reads an environment variable (credentials); replaceable in tests.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public static string DefaultCacheDirectory(Func<string, string?> environment)
    {
        if (environment("WELLTRACK_CACHE") is { Length: > 0 } explicitRoot)
        {
            return Path.Combine(explicitRoot, "charts");
        }

        var xdg = environment("XDG_CACHE_HOME") is { Length: > 0 } x
            ? x
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(xdg, "welltrack", "charts");
    }

    /// <summary>The settings of the repository at <paramref name="url"/> (trailing slashes ignored), or null.</summary>
    public RepositorySettings? SettingsFor(string url)
        => Repositories.FirstOrDefault(r => string.Equals(r.Url.TrimEnd('/'), url.TrimEnd('/'), StringComparison.Ordinal));
}
