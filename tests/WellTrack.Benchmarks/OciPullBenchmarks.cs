using BenchmarkDotNet.Attributes;
using WellTrack.Core.Dependencies.Oci;
using WellTrack.Testing;

namespace WellTrack.Benchmarks;

/// <summary>
/// A cold pull of one chart from Debian's docker-registry on 127.0.0.1: a new source with its own connection pool (a
/// new TCP connection, no token), listing the tags, then the manifest and the chart layer, sha256 verified. What one
/// OCI dependency costs a build whose cache is empty, less the process start-up. Run with <c>--inProcess</c>: every
/// invocation builds its own source and connection, so in-process runs stay cold where it matters.
/// </summary>
[MedianColumn]
public class OciPullBenchmarks
{
    private string _directory = string.Empty;
    private OciRegistry? _registry;
    private string _repository = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("welltrack-bench-oci-").FullName;
        _registry = OciRegistry.StartAsync(Path.Combine(_directory, "registry")).GetAwaiter().GetResult();
        var archive = HelmChartArchive.Pack("web", HelmChartArchive.MinimalChart("web", "1.0.0"));
        HelmOciPush.PushAsync(_registry.Address, "charts", "web", "1.0.0", archive).GetAwaiter().GetResult();
        _repository = $"oci://{_registry.Address}/charts";
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _registry?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        TemporaryDirectory.Delete(_directory);
    }

    [Benchmark(Description = "cold pull of one chart (tag list, manifest, layer) from docker-registry on 127.0.0.1")]
    public async Task<int> ColdPull()
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        using var source = new OciChartSource(_repository, new OciSourceOptions
        {
            HttpHandler = handler,
            DockerConfigPath = Path.Combine(_directory, "no-docker-config.json"),
            HelmRegistryConfigPath = Path.Combine(_directory, "no-helm-config.json"),
        });
        var versions = await source.VersionsAsync("web", CancellationToken.None);
        return (await source.DownloadAsync(versions[0], CancellationToken.None)).Length;
    }
}
