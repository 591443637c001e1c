namespace WellTrack.Templating.Charts;

/// <summary>
/// How Helm pairs Chart.yaml's dependencies with the charts in charts/: by the subchart's own Chart.yaml name,
/// never by its directory or archive name (an alias only renames a matched chart). One implementation for the
/// renderer and for validation rules that report missing or undeclared subcharts.
/// </summary>
public static class ChartDependencies
{
    /// <summary>
    /// action.CheckDependencies: the declared names that no chart in charts/ carries, in declaration order. Helm
    /// checks names only (no version), and only for the chart being installed.
    /// </summary>
    public static IReadOnlyList<string> Missing(LoadedChart chart)
        => chart.Metadata.Dependencies
            .Where(request => !chart.Dependencies.Any(sub => sub.Metadata.Name == request.Name))
            .Select(request => request.Name)
            .ToList();

    /// <summary>The charts in charts/ that no dependency declares by name.</summary>
    public static IReadOnlyList<LoadedChart> Undeclared(LoadedChart chart)
        => chart.Dependencies
            .Where(sub => !chart.Metadata.Dependencies.Any(request => request.Name == sub.Metadata.Name))
            .ToList();
}
