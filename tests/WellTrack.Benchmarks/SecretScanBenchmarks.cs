using BenchmarkDotNet.Attributes;
using WellTrack.Core.Secrets;

namespace WellTrack.Benchmarks;

/// <summary>
/// The secrets scan in-process, warm: the repository's charts/ (templates read as templates, values files checked
/// against the paths the templates turn into Secrets), and 200 scaffold-shaped charts. No baseline file.
/// </summary>
[MemoryDiagnoser]
public class SecretScanBenchmarks
{
    private static readonly SecretScanOptions Options = new() { BaselinePath = string.Empty };
    private string _copiesRoot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _copiesRoot = Directory.CreateTempSubdirectory("welltrack-bench-scan-").FullName;
        BenchmarkCharts.ScaffoldCopies(_copiesRoot, 200);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_copiesRoot, recursive: true);

    [Benchmark(Description = "scan the 3 WellTrack charts")]
    public int WellTrackCharts()
        => SecretScanner.Scan(Path.Combine(BenchmarkCharts.RepositoryRoot, "charts"), Options).Findings.Count;

    [Benchmark(Description = "scan 200 scaffold charts")]
    public int TwoHundredCharts()
        => SecretScanner.Scan(_copiesRoot, Options).Findings.Count;
}
