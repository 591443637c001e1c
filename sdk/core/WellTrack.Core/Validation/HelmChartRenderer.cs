using WellTrack.Core.Validation;
using WellTrack.Diagnostics;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Validation;

/// <summary>
/// The template engine as chart validation's renderer: renders a chart as <c>helm template</c> does, recording where
/// each piece of output came from, and hands each manifest over with a map from its positions back to the template
/// text or action that produced them (in the included template for text an <c>include</c> produced), and the values
/// path when the text was a value from <c>.Values</c>.
/// </summary>
public sealed class HelmChartRenderer : IChartRenderer
{
    public ChartRenderOutcome Render(string chartDirectory, IReadOnlyList<string> extraValuesFiles, ValidationSettings settings)
    {
        var result = ChartRenderer.Render(chartDirectory, new RenderOptions
        {
            ReleaseName = settings.ReleaseName,
            Namespace = settings.Namespace,
            KubeVersion = $"v{settings.KubernetesVersion}.0",
            ValueFiles = extraValuesFiles,
            RecordSourceMap = true,
        });
        if (!result.Succeeded)
        {
            return new ChartRenderOutcome([], result.Diagnostics);
        }

        var documents = result.Manifests
            .Select(manifest => Document(chartDirectory, manifest))
            .ToList();
        return new ChartRenderOutcome(documents, result.Diagnostics);
    }

    /// <summary>"chart/templates/x.yaml" names the chart first; a subchart's is "chart/charts/sub/templates/x.yaml".</summary>
    private static string FilePath(string chartDirectory, string template)
    {
        var slash = template.IndexOf('/', StringComparison.Ordinal);
        return Path.Combine(chartDirectory, slash < 0 ? template : template[(slash + 1)..]);
    }

    private static RenderedDocument Document(string chartDirectory, RenderedManifest manifest)
    {
        var path = FilePath(chartDirectory, manifest.SourceTemplate);
        if (manifest.SourceMap is not { } map)
        {
            return new RenderedDocument(path, manifest.Content);
        }

        return new RenderedDocument(path, manifest.Content, (line, column) =>
        {
            var origin = map.Lookup(line, column);
            return origin is null
                ? new SourceMapping(new SourceLocation(path))
                : new SourceMapping(new SourceLocation(FilePath(chartDirectory, origin.Template), origin.Line, origin.Column), origin.ValuesPath);
        });
    }
}
