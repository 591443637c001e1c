using BenchmarkDotNet.Attributes;
using WellTrack.Core.Validation;

namespace WellTrack.Benchmarks;

/// <summary>
/// Chart validation in-process, warm (renderer, Kubernetes models and schema caches loaded): the three WellTrack
/// charts, and 200 scaffold-shaped charts. Each chart is rendered with its values.yaml and every ci/*-values.yaml.
/// Targets: 200 charts in under 2 s on 2 cores. Cold figures are whole-process (welltrack validate), see the script.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly HelmChartRenderer _renderer = new();
    private string _copiesRoot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _copiesRoot = Directory.CreateTempSubdirectory("welltrack-bench-validate-").FullName;
        BenchmarkCharts.ScaffoldCopies(_copiesRoot, 200);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_copiesRoot, recursive: true);

    [Benchmark(Description = "validate the 3 WellTrack charts (with ci/ values)")]
    public int WellTrackCharts()
        => ChartValidator.Validate(Path.Combine(BenchmarkCharts.RepositoryRoot, "charts"), ValidationSettings.Default, _renderer).RenderedDocuments;

    [Benchmark(Description = "validate 200 scaffold charts, 2 threads")]
    public int TwoHundredCharts()
        => ChartValidator.Validate(_copiesRoot, ValidationSettings.Default with { MaxDegreeOfParallelism = Environment.ProcessorCount }, _renderer).RenderedDocuments;
}
