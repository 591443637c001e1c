using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using WellTrack.Core.Dependencies;
using WellTrack.Testing;

namespace WellTrack.Benchmarks;

/// <summary>
/// One chart's versions out of a large classic repository index (about 15 MB, 420 charts of 100 versions each, the
/// size of Bitnami's), served from memory so that only decoding and parsing are measured: the first chart, one in the
/// middle, and a name the index lacks (the whole index scanned).
/// </summary>
[MemoryDiagnoser]
public class RepositoryIndexBenchmarks
{
    private byte[] _index = null!;

    [Params("chart0", "chart217", "absent")]
    public string Chart { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _index = Encoding.UTF8.GetBytes(HelmRepositoryIndexFile.Synthetic());
    }

    [Benchmark(Description = "versions of one chart from a 15 MB index.yaml")]
    public async Task<int> Versions()
    {
        using var client = new HttpClient(new InMemoryHandler(_index));
        var source = new HelmRepositorySource("https://charts.example.test/", new DependencyOptions(), client);
        try
        {
            return (await source.VersionsAsync(Chart, CancellationToken.None)).Count;
        }
        catch (WellTrack.Diagnostics.DiagnosticException)
        {
            return 0;
        }
    }

    private sealed class InMemoryHandler(byte[] index) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(index) });
    }
}
