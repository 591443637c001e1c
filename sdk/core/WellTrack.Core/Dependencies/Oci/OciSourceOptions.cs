namespace WellTrack.Core.Dependencies.Oci;

/// <summary>
/// How an <see cref="OciChartSource"/> talks to its registry. Every default is stated here, once.
/// </summary>
public sealed record OciSourceOptions
{
    /// <summary>Helm's own limit for a chart archive it pulls is of this order; a dependency larger than this is
    /// almost certainly not the chart that was meant, and reading it whole into memory would be the first harm.</summary>
    public const long DefaultMaxArchiveBytes = 20L * 1024 * 1024;

    /// <summary>The transport, for tests and for callers that share one. Null: a process-wide handler that does not
    /// follow redirects by itself (the source follows them, so it decides which host sees the credentials). A handler
    /// given here is not disposed by the source.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The longest one operation (listing versions, or downloading one version) may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest chart archive (the layer, compressed) that is downloaded.</summary>
    public long MaxArchiveBytes { get; init; } = DefaultMaxArchiveBytes;

    /// <summary>Talk plain HTTP to loopback registries (localhost, 127.0.0.0/8, ::1), as Docker does.</summary>
    public bool PlainHttpForLoopback { get; init; } = true;

    /// <summary>More registries reached over plain HTTP: <c>host</c> or <c>host:port</c>, as in Docker's
    /// <c>insecure-registries</c>. Every other registry is reached over HTTPS only.</summary>
    public IReadOnlyList<string> PlainHttpHosts { get; init; } = [];

    /// <summary>Docker's <c>config.json</c>. Null: <c>$DOCKER_CONFIG/config.json</c>, else <c>~/.docker/config.json</c>.</summary>
    public string? DockerConfigPath { get; init; }

    /// <summary>Helm's registry <c>config.json</c>, read when Docker's has nothing for the host. Null:
    /// <c>$HELM_REGISTRY_CONFIG</c>, else <c>$XDG_CONFIG_HOME/helm/registry/config.json</c>, else
    /// <c>~/.config/helm/registry/config.json</c>.</summary>
    public string? HelmRegistryConfigPath { get; init; }

    /// <summary>Where <c>docker-credential-NAME</c> helpers are looked for, in PATH's format. Null: <c>$PATH</c>.</summary>
    public string? CredentialHelperSearchPath { get; init; }
}
