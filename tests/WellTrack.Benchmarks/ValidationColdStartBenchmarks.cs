using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using WellTrack.Core.Validation;

namespace WellTrack.Benchmarks;

/// <summary>
/// Chart validation cold: the first validation in a fresh process (each launch measures one call, no warm-up), which
/// is what every `welltrack bump` and every `dotnet build` of a GitOps repository pays.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 7, warmupCount: 0, iterationCount: 1)]
public class ValidationColdStartBenchmarks
{
    [Benchmark(Description = "validate welltrack-backend, first call in a process (values.yaml only)")]
    public int FirstValidation()
        => ChartValidator.Validate(
            Path.Combine(BenchmarkCharts.RepositoryRoot, "charts", "welltrack-backend"),
            ValidationSettings.Default with { RenderCiValues = false },
            new HelmChartRenderer()).RenderedDocuments;
}
