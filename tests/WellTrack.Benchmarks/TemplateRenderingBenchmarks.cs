using BenchmarkDotNet.Attributes;
using WellTrack.Templating.Charts;
using WellTrack.Templating.Execution;

namespace WellTrack.Benchmarks;

/// <summary>
/// The template engine as a build uses it: templates parsed once and cached (<see cref="PreparedChart"/>), rendered
/// per values set. Targets: the scaffold under 0.5 ms warm; 200 scaffold-shaped charts under 1 s on 2 cores.
/// </summary>
[MemoryDiagnoser]
public class TemplateRenderingBenchmarks
{
    private readonly RenderOptions _options = new() { Environment = RenderEnvironment.Deterministic(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), seed: 1) };
    private PreparedChart _scaffold = null!;
    private PreparedChart _backend = null!;
    private string _copiesRoot = null!;
    private IReadOnlyList<string> _copies = null!;
    private IReadOnlyList<PreparedChart> _preparedCopies = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scaffold = PreparedChart.Load(BenchmarkCharts.Scaffold);
        _backend = PreparedChart.Load(BenchmarkCharts.WellTrackChart("welltrack-backend"));
        _copiesRoot = Directory.CreateTempSubdirectory("welltrack-bench-").FullName;
        _copies = BenchmarkCharts.ScaffoldCopies(_copiesRoot, 200);
        _preparedCopies = _copies.Select(PreparedChart.Load).ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_copiesRoot, recursive: true);

    [Benchmark(Description = "scaffold: render (parsed once)")]
    public int RenderScaffold() => _scaffold.Render(_options).Manifests.Count;

    [Benchmark(Description = "welltrack-backend: render (parsed once)")]
    public int RenderBackend() => _backend.Render(_options).Manifests.Count;

    [Benchmark(Description = "scaffold: load + parse + render")]
    public int LoadAndRenderScaffold() => PreparedChart.Load(BenchmarkCharts.Scaffold).Render(_options).Manifests.Count;

    [Benchmark(Description = "200 scaffold charts: load + parse + render, 2 threads")]
    public int LoadAndRenderTwoHundred()
    {
        var total = 0;
        Parallel.ForEach(_copies, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chart =>
            Interlocked.Add(ref total, PreparedChart.Load(chart).Render(_options).Manifests.Count));
        return total;
    }

    [Benchmark(Description = "200 scaffold charts: render (parsed once), 2 threads")]
    public int RenderTwoHundredPrepared()
    {
        var total = 0;
        Parallel.ForEach(_preparedCopies, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chart =>
            Interlocked.Add(ref total, chart.Render(_options).Manifests.Count));
        return total;
    }
}
