using WellTrack.Core.Bump;
using WellTrack.Core.Dependencies;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation;

/// <summary>
/// Chart validation as a bump check: every chart the bump changed is rendered and validated with the repository's
/// configuration (welltrack.yaml) before the commit; an error means no commit and no push. The desired state that
/// reaches the remote always renders.
/// </summary>
public sealed class ChartValidationBumpCheck(IChartRenderer renderer) : IBumpCheck
{
    public IReadOnlyList<Diagnostic> Check(string repositoryRoot, IReadOnlyList<BumpFileChange> files)
    {
        var charts = files.Select(file => ChartOf(repositoryRoot, file.RelativePath)).OfType<string>().Distinct(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        foreach (var chart in charts)
        {
            // What gets deployed is the chart with its values files; the ci/ variants are for chart changes, which the
            // repository's own build validates, not for a tag bump.
            // Dependencies charts/ lacks are resolved into the cache, outside the checkout: the commit holds only the bump.
            var (resolver, _) = DependencySetup.Create(chart, configurationFile: null, offline: false);
            var settings = ValidationSettings.Default with { BaseDirectory = repositoryRoot, RenderCiValues = false, Dependencies = resolver };
            var report = ChartValidator.ValidateWithConfiguration(chart, renderer, settings);
            diagnostics.AddRange(report.Diagnostics.Where(d => d.IsError));
        }

        return diagnostics;
    }

    // The nearest directory above the changed values file that holds a Chart.yaml.
    private static string? ChartOf(string root, string relativePath)
    {
        for (var directory = Path.GetDirectoryName(Path.Combine(root, relativePath)); directory is not null && directory.Length >= root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Chart.yaml")))
            {
                return directory;
            }
        }

        return null;
    }
}
