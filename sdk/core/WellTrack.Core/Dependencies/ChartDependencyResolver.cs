using System.Collections.Concurrent;
using System.Text;
using WellTrack.Diagnostics;
using WellTrack.Templating.Charts;
using WellTrack.Templating.Semver;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// Resolves a chart's dependencies as Helm 3.16's downloader does, into the cache and never into the chart: Chart.lock
/// when it agrees with Chart.yaml, else the constraints of Chart.yaml (the newest version that satisfies them,
/// pre-releases only when the constraint names one); <c>file://</c> paths relative to the chart; <c>@name</c> and
/// <c>alias:name</c> through welltrack.yaml's repositories. Archives are verified (digest, layout, limits, name and
/// version) before they are cached or used. One instance serves a whole run: sources (and so each repository's
/// index) and each chart's resolution are shared by every render of the run.
/// </summary>
public sealed class ChartDependencyResolver
{
    private readonly ChartSources _sources;
    private readonly ConcurrentDictionary<string, IChartSource> _sourcesByUrl = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<DependencyResolution>> _byChart = new(StringComparer.Ordinal);

    public ChartDependencyResolver(DependencyOptions options, ChartSources? sources = null)
    {
        Options = options;
        Cache = new ChartCache(options.CacheDirectory);
        _sources = sources ?? new ChartSources();
    }

    public DependencyOptions Options { get; }

    public ChartCache Cache { get; }

    /// <summary>What charts/ of <paramref name="chart"/> lacks, resolved once per chart directory for this run.</summary>
    public DependencyResolution ForChart(LoadedChart chart)
        => _byChart.GetOrAdd(Path.GetFullPath(chart.Directory), _ => new Lazy<DependencyResolution>(() => Resolve(chart, ResolutionMode.Missing))).Value;

    /// <summary>The engine's hook (<see cref="RenderOptions.ResolveDependencies"/>): the chart with what resolved added.</summary>
    public LoadedChart Complete(LoadedChart chart)
    {
        var resolution = ForChart(chart);
        return resolution.Resolved.Count == 0 ? chart : chart.WithDependencies(resolution.Resolved.Select(r => r.Chart));
    }

    /// <summary>The problems of every chart <see cref="ForChart"/> has resolved so far (for front ends without the validator).</summary>
    public IReadOnlyList<DependencyProblem> Problems()
        => _byChart.Values.Where(r => r.IsValueCreated).SelectMany(r => r.Value.Problems).ToList();

    public DependencyResolution Resolve(LoadedChart chart, ResolutionMode mode, CancellationToken cancellationToken = default)
        => Task.Run(() => ResolveAsync(chart, mode, cancellationToken), cancellationToken).GetAwaiter().GetResult();

    public async Task<DependencyResolution> ResolveAsync(LoadedChart chart, ResolutionMode mode, CancellationToken cancellationToken = default)
    {
        var requests = chart.Metadata.Dependencies;
        if (requests.Count == 0)
        {
            return DependencyResolution.Empty;
        }

        var problems = new List<DependencyProblem>();
        var references = new RepositoryReference?[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                references[i] = RepositoryReference.Of(requests[i], Options);
            }
            catch (DiagnosticException e)
            {
                problems.Add(new DependencyProblem(requests[i].Name, e.Diagnostic));
            }
        }

        // Helm hashes the requests after resolveRepoNames has replaced @name and alias:name by the repository's URL.
        var hashed = requests.Select((r, i) => references[i] is { Kind: RepositoryKind.Remote } reference ? r with { Repository = reference.Url } : r).ToList();
        var pinned = mode == ResolutionMode.Update ? null : ReadLock(chart.Directory, hashed, mode, problems);
        var resolved = new List<ResolvedDependency>();
        var locked = new List<LockedDependency>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (references[i] is not { } reference)
            {
                continue;
            }

            var present = chart.Dependencies.Any(d => d.Metadata.Name == request.Name);
            if (reference.Kind == RepositoryKind.None || (mode == ResolutionMode.Missing && present))
            {
                // In charts/ already (or nowhere: WT3012 says so); the lock records the constraint, as Helm's does.
                locked.Add(new LockedDependency(request.Name, request.Version, reference.Url));
                continue;
            }

            try
            {
                var pin = pinned?.FirstOrDefault(l => l.Name == request.Name)?.Version;
                var dependency = reference.Kind == RepositoryKind.File
                    ? FromDirectory(chart, request, reference)
                    : await FromRepositoryAsync(chart, request, reference.Url, pin, cancellationToken).ConfigureAwait(false);
                resolved.Add(dependency);
                locked.Add(dependency.Locked);
            }
            catch (DiagnosticException e)
            {
                problems.Add(new DependencyProblem(request.Name, e.Diagnostic));
            }
        }

        var complete = problems.Count == 0;
        var lockFile = complete ? new ChartLock(ChartLock.ComputeDigest(hashed, locked), ChartLock.Timestamp(DateTimeOffset.UtcNow), locked) : null;
        return new DependencyResolution(resolved, problems, lockFile);
    }

    /// <summary>Chart.lock's pins when its digest agrees with Chart.yaml; otherwise a problem and no pins.</summary>
    private static IReadOnlyList<LockedDependency>? ReadLock(string chartDirectory, IReadOnlyList<ChartDependency> hashed, ResolutionMode mode, List<DependencyProblem> problems)
    {
        if (ChartLock.Find(chartDirectory) is not { } path)
        {
            return null;
        }

        var at = new SourceLocation(path);
        ChartLock chartLock;
        try
        {
            chartLock = ChartLock.Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            problems.Add(new DependencyProblem(null, Diagnostic.Error(DiagnosticCodes.WT3421, at, e.Message)));
            return null;
        }

        if (ChartLock.ComputeDigest(hashed, chartLock.Dependencies) != chartLock.Digest)
        {
            // Helm's build refuses a stale lock; validation goes on from the constraints so the rest is still checked.
            problems.Add(new DependencyProblem(null, Diagnostic.Error(DiagnosticCodes.WT3420, at)));
            return mode == ResolutionMode.Build ? [] : null;
        }

        return chartLock.Dependencies;
    }

    private static ResolvedDependency FromDirectory(LoadedChart parent, ChartDependency request, RepositoryReference reference)
    {
        var path = reference.LocalPath(parent.Directory);
        IReadOnlyDictionary<string, byte[]> files;
        LoadedChart chart;
        try
        {
            files = LoadedChart.ReadFiles(path);
            chart = LoadedChart.FromFiles(path, files);
        }
        catch (ChartLoadException e)
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3419, request.Name, reference.Url, e.Message);
        }

        if (!Satisfies(request, reference.Url, chart.Metadata.Version))
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3409, request.Name, reference.Url, request.Version, chart.Metadata.Version);
        }

        var archive = ChartPackager.Pack(chart.Metadata.Name, files);
        var locked = new LockedDependency(request.Name, chart.Metadata.Version, reference.Url);
        var loaded = LoadedChart.FromFiles(SubchartPath(parent, locked), files);
        return new ResolvedDependency(request, locked, loaded, archive);
    }

    private async Task<ResolvedDependency> FromRepositoryAsync(LoadedChart parent, ChartDependency request, string repository, string? pin, CancellationToken cancellationToken)
    {
        // A warm resolution from Chart.lock reads the cache only: no index, no network.
        if (pin is not null && Cache.TryGetArchive(repository, request.Name, pin) is { } cached)
        {
            return Load(parent, request, repository, pin, cached);
        }

        var (entries, fetched) = await VersionsAsync(request, repository, cancellationToken).ConfigureAwait(false);
        var version = pin ?? Select(request, repository, entries);
        if (pin is null && Cache.TryGetArchive(repository, request.Name, version) is { } hit)
        {
            RememberVersions(request, repository, entries, fetched);
            return Load(parent, request, repository, version, hit);
        }

        var entry = entries.FirstOrDefault(e => e.Version == version)
            ?? throw DependencyErrors.Error(DiagnosticCodes.WT3409, request.Name, repository, version, Offered(entries));
        if (Options.Offline)
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3412, request.Name, repository, version, "the archive");
        }

        var data = await Source(request.Name, repository).DownloadAsync(entry, cancellationToken).ConfigureAwait(false);
        ArchiveDigest.Verify(data, entry, repository);
        var resolved = Load(parent, request, repository, version, data);
        // Only an archive that passed every check is cached, and the versions only with a dependency that resolved:
        // a failed resolution leaves the cache as it was.
        Cache.PutArchive(repository, request.Name, version, data);
        RememberVersions(request, repository, entries, fetched);
        return resolved;
    }

    private void RememberVersions(ChartDependency request, string repository, IReadOnlyList<ChartSourceEntry> entries, bool fetched)
    {
        if (fetched)
        {
            Cache.PutVersions(repository, request.Name, entries);
        }
    }

    private async Task<(IReadOnlyList<ChartSourceEntry> Entries, bool Fetched)> VersionsAsync(ChartDependency request, string repository, CancellationToken cancellationToken)
    {
        if (Options.Offline)
        {
            var cached = Cache.TryGetVersions(repository, request.Name)
                ?? throw DependencyErrors.Error(DiagnosticCodes.WT3412, request.Name, repository, request.Version, "the repository's index");
            return (cached, false);
        }

        return (await Source(request.Name, repository).VersionsAsync(request.Name, cancellationToken).ConfigureAwait(false), true);
    }

    private IChartSource Source(string dependency, string repository)
        => _sourcesByUrl.GetOrAdd(repository, url => _sources.For(dependency, url, Options));

    /// <summary>Helm's resolver: the first version, newest first, that satisfies the constraint.</summary>
    private static string Select(ChartDependency request, string repository, IReadOnlyList<ChartSourceEntry> entries)
    {
        var constraint = Constraint(request, repository);
        var candidates = entries
            .Select(e => (Entry: e, Parsed: SemanticVersion.TryParse(e.Version, out var v) ? v : null))
            .Where(c => c.Parsed is not null)
            .OrderByDescending(c => c.Parsed);
        foreach (var (entry, parsed) in candidates)
        {
            if (constraint.Check(parsed!))
            {
                return entry.Version;
            }
        }

        throw DependencyErrors.Error(DiagnosticCodes.WT3409, request.Name, repository, request.Version, Offered(entries));
    }

    private static bool Satisfies(ChartDependency request, string repository, string version)
        => SemanticVersion.TryParse(version, out var parsed) && Constraint(request, repository).Check(parsed);

    private static SemverConstraint Constraint(ChartDependency request, string repository)
        => SemverConstraint.TryParse(request.Version.Length == 0 ? "*" : request.Version, out var constraint)
            ? constraint
            : throw DependencyErrors.Error(DiagnosticCodes.WT3411, request.Name, repository, request.Version);

    private static string Offered(IReadOnlyList<ChartSourceEntry> entries)
    {
        const int shown = 10;
        var text = new StringBuilder(string.Join(", ", entries.Take(shown).Select(e => e.Version)));
        if (entries.Count > shown)
        {
            text.Append(", …");
        }

        return text.Length == 0 ? "none" : text.ToString();
    }

    /// <summary>Checks an archive as untrusted input and loads it as the subchart it must be.</summary>
    private ResolvedDependency Load(LoadedChart parent, ChartDependency request, string repository, string version, byte[] data)
    {
        Dictionary<string, byte[]> files;
        try
        {
            files = ChartArchive.ReadUntrusted(data, Options.Limits);
        }
        catch (ChartArchiveException e)
        {
            throw e.Problem switch
            {
                ChartArchiveProblem.PathEscapes => DependencyErrors.Error(DiagnosticCodes.WT3414, request.Name, repository, version, e.Entry),
                ChartArchiveProblem.Link => DependencyErrors.Error(DiagnosticCodes.WT3415, request.Name, repository, version, e.Entry),
                ChartArchiveProblem.ArchiveTooLarge => DependencyErrors.Error(DiagnosticCodes.WT3416, request.Name, repository, version, Options.Limits.MaxArchiveBytes),
                ChartArchiveProblem.ExpandsTooMuch => DependencyErrors.Error(DiagnosticCodes.WT3417, request.Name, repository, version, Math.Min(Options.Limits.MaxFileBytes, Options.Limits.MaxExpandedBytes), e.Entry),
                _ => DependencyErrors.Error(DiagnosticCodes.WT3413, request.Name, repository, version, e.Message),
            };
        }

        var locked = new LockedDependency(request.Name, version, repository);
        LoadedChart chart;
        try
        {
            chart = LoadedChart.FromFiles(SubchartPath(parent, locked), files);
        }
        catch (ChartLoadException e)
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3413, request.Name, repository, version, e.Message);
        }

        if (chart.Metadata.Name != request.Name || !SameVersion(chart.Metadata.Version, version))
        {
            throw DependencyErrors.Error(DiagnosticCodes.WT3418, request.Name, repository, version, chart.Metadata.Name, chart.Metadata.Version);
        }

        return new ResolvedDependency(request, locked, chart, data);
    }

    private static bool SameVersion(string a, string b)
        => a == b || (SemanticVersion.TryParse(a, out var x) && SemanticVersion.TryParse(b, out var y) && x == y && x.Metadata == y.Metadata);

    /// <summary>Where the subchart would be if vendored: its templates are named, and its findings placed, as then.</summary>
    private static string SubchartPath(LoadedChart parent, LockedDependency locked) => parent.Directory + "/charts/" + locked.Name + "-" + locked.Version + ".tgz";
}
