using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace WellTrack.Testing;

/// <summary>
/// A real OCI registry for end-to-end tests: Debian's <c>docker-registry</c> (distribution v2) on 127.0.0.1 and a
/// free port, plain HTTP, no auth, storage in the given directory. Killed when disposed.
/// </summary>
/// <remarks>
/// The .NET SDK's container tasks treat <c>localhost:PORT</c> as insecure by themselves but not <c>127.0.0.1:PORT</c>:
/// for that they need <c>DOTNET_CONTAINER_INSECURE_REGISTRIES=127.0.0.1:PORT</c> (exact host:port, <c>;</c>-separated),
/// which <see cref="InsecureRegistryEnvironment"/> gives, in the environment of the <c>dotnet publish</c> process.
/// </remarks>
public sealed class OciRegistry : IAsyncDisposable
{
    public const string BaseImageRepository = "welltrack/aspnet";
    public const string BaseImageTag = "10.0";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;

    private OciRegistry(Process process, int port, string storageDirectory, ConcurrentQueue<string> log)
    {
        _process = process;
        Port = port;
        StorageDirectory = storageDirectory;
        _log = log;
    }

    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>: the <c>ContainerRegistry</c> value and the prefix of image references.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public string StorageDirectory { get; }

    /// <summary>The base image reference once <see cref="PushBaseImageAsync"/> has run.</summary>
    public string BaseImage => $"{Address}/{BaseImageRepository}:{BaseImageTag}";

    /// <summary>Environment for <c>dotnet publish</c> so the SDK talks plain HTTP to this registry.</summary>
    public IReadOnlyDictionary<string, string?> InsecureRegistryEnvironment
        => new Dictionary<string, string?> { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = Address };

    /// <summary>The registry's recent log lines, for failure messages.</summary>
    public string RecentLog => string.Join(Environment.NewLine, _log);

    public static Task<OciRegistry> StartAsync(string storageDir, CancellationToken cancellationToken = default)
        => StartAsync(storageDir, basicAuth: null, cancellationToken);

    /// <summary>
    /// A registry that asks for HTTP basic authentication (<c>htpasswd</c>, one user) when <paramref name="basicAuth"/> is
    /// given: it answers <c>401 WWW-Authenticate: Basic</c> to anonymous requests, pushes included. Needs
    /// <c>htpasswd</c> (apache2-utils, eng/prerequisites.sh) for the bcrypt hash the registry insists on.
    /// </summary>
    public static async Task<OciRegistry> StartAsync(string storageDir, NetworkCredential? basicAuth, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.Combine(storageDir, "data"));
        var authSection = basicAuth is null ? string.Empty : await HtpasswdSectionAsync(storageDir, basicAuth);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPort.Find();
            var config = Path.Combine(storageDir, "config.yml");
            // Same configuration as eng/registry.sh: anonymous, deletes allowed, loopback only.
            await File.WriteAllTextAsync(config, $"""
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: {Path.Combine(Path.GetFullPath(storageDir), "data")}
                  delete:
                    enabled: true
                  cache:
                    blobdescriptor: inmemory
                http:
                  addr: 127.0.0.1:{port}
                  secret: welltrack-tests-only
                {authSection}
                """, cancellationToken);

            var log = new ConcurrentQueue<string>();
            var startInfo = new ProcessStartInfo("docker-registry")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            startInfo.ArgumentList.Add("serve");
            startInfo.ArgumentList.Add(config);
            Process process;
            try
            {
                process = Process.Start(startInfo)!;
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException("docker-registry is not installed: run eng/prerequisites.sh.", e);
            }

            DataReceivedEventHandler keep = (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                log.Enqueue(e.Data);
                while (log.Count > 200 && log.TryDequeue(out string? _))
                {
                }
            };
            process.OutputDataReceived += keep;
            process.ErrorDataReceived += keep;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var registry = new OciRegistry(process, port, storageDir, log);
            if (await registry.WaitUntilReadyAsync(TimeSpan.FromSeconds(15), cancellationToken))
            {
                return registry;
            }

            var recent = registry.RecentLog;
            await registry.DisposeAsync();
            // Most likely another process took the port between FreeTcpPort.Find and the bind: try another.
            if (attempt >= 4)
            {
                throw new InvalidOperationException($"docker-registry did not start on 127.0.0.1:{port}:{Environment.NewLine}{recent}");
            }
        }
    }

    /// <summary>
    /// Builds (or reuses, see its stamp) the base image from this machine's .NET runtime with <c>eng/base-image.sh</c>
    /// and pushes it here; returns <see cref="BaseImage"/>. The script serialises concurrent callers with a lock.
    /// </summary>
    public async Task<string> PushBaseImageAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(repositoryRoot, "eng", "base-image.sh");
        var result = await ProcessRunner.RunAsync("bash", [script, Address], repositoryRoot, timeout: TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/base-image.sh failed ({result.ExitCode}):{Environment.NewLine}{result.Error}{result.Output}");
        }

        var reference = result.Output.Trim().Split('\n').Last().Trim();
        if (reference != BaseImage)
        {
            throw new InvalidOperationException($"eng/base-image.sh printed '{reference}', expected '{BaseImage}'.");
        }

        return reference;
    }

    /// <summary>
    /// The digest the registry serves for <paramref name="repository"/>:<paramref name="reference"/> (the
    /// <c>Docker-Content-Digest</c> of the manifest), or null when it has no such manifest. Compare with the SDK's
    /// <c>GeneratedContainerDigest</c>.
    /// </summary>
    public async Task<string?> GetManifestDigestAsync(string repository, string reference, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{Address}/v2/{repository}/manifests/{reference}");
        foreach (var mediaType in new[]
                 {
                     "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json",
                     "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.docker.distribution.manifest.list.v2+json",
                 })
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped in time; nothing more to do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<string> HtpasswdSectionAsync(string storageDir, NetworkCredential credential)
    {
        var file = Path.Combine(Path.GetFullPath(storageDir), "htpasswd");
        var result = await ProcessRunner.RunAsync("htpasswd", ["-Bbn", credential.UserName, credential.Password], storageDir, timeout: TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"htpasswd failed ({result.ExitCode}): {result.Error}");
        }

        await File.WriteAllTextAsync(file, result.Output);
        return $"""
            auth:
              htpasswd:
                realm: welltrack-tests
                path: {file}
            """;
    }

    private async Task<bool> WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                using var response = await client.GetAsync($"http://{Address}/v2/", cancellationToken);
                // 401: up, and asking for the credentials it was configured with.
                if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Request timed out; try again.
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }
}
