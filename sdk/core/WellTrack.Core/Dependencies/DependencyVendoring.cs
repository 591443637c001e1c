using WellTrack.Core.IO;
using WellTrack.Diagnostics;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// <c>welltrack dependency build|update</c>, as Helm's commands: every dependency resolved (build: from Chart.lock
/// when there is one; update: from Chart.yaml's constraints) and written to charts/ as <c>NAME-VERSION.tgz</c>, older
/// archives of the same dependencies removed, Chart.lock written when it changed. Nothing is written unless every
/// dependency resolved; each file is written beside and renamed into place.
/// </summary>
public static class DependencyVendoring
{
    public static IReadOnlyList<Diagnostic> Run(string chartDirectory, ChartDependencyResolver resolver, ResolutionMode mode, CancellationToken cancellationToken = default)
    {
        LoadedChart chart;
        try
        {
            chart = LoadedChart.Load(chartDirectory);
        }
        catch (ChartLoadException e)
        {
            return [Diagnostic.Error(DiagnosticCodes.WT4004, new SourceLocation(e.File is null ? chartDirectory : Path.Combine(chartDirectory, e.File), e.Line, e.Column), e.Message)];
        }

        var resolution = resolver.Resolve(chart, mode, cancellationToken);
        var chartFile = new SourceLocation(Path.Combine(chartDirectory, "Chart.yaml"));
        var problems = resolution.Problems.Select(p => p.Dependency is null ? p.Diagnostic : p.Diagnostic with { File = chartFile.File }).ToList();
        if (!resolution.Succeeded || resolution.Lock is not { } newLock)
        {
            return problems;
        }

        var charts = Path.Combine(chartDirectory, "charts");
        Directory.CreateDirectory(charts);
        foreach (var dependency in resolution.Resolved)
        {
            AtomicFile.WriteAllBytes(Path.Combine(charts, dependency.FileName), dependency.Archive);
            RemoveOutdated(charts, dependency);
        }

        var lockPath = ChartLock.Find(chartDirectory) ?? Path.Combine(chartDirectory, chart.Metadata.ApiVersion == "v1" ? ChartLock.LegacyFileName : ChartLock.FileName);
        var unchanged = File.Exists(lockPath) && TryParse(lockPath)?.Digest == newLock.Digest;
        if (!unchanged)
        {
            AtomicFile.WriteAllBytes(lockPath, System.Text.Encoding.UTF8.GetBytes(newLock.Write()));
        }

        return problems;
    }

    private static ChartLock? TryParse(string path)
    {
        try
        {
            return ChartLock.Parse(File.ReadAllText(path));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Helm deletes the archives a new version replaces: <c>NAME-OTHERVERSION.tgz</c> holding the same chart.</summary>
    private static void RemoveOutdated(string charts, ResolvedDependency dependency)
    {
        foreach (var file in Directory.EnumerateFiles(charts, dependency.Locked.Name + "-*.tgz"))
        {
            var version = Path.GetFileNameWithoutExtension(file)[(dependency.Locked.Name.Length + 1)..];
            if (Path.GetFileName(file) != dependency.FileName && WellTrack.Templating.Semver.SemanticVersion.TryParse(version, out _))
            {
                File.Delete(file);
            }
        }
    }
}
