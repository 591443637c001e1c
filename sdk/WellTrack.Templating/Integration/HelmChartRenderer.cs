using WellTrack.GitOps.Validation;
using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Integration;

/// <summary>
/// The template engine as chart validation's renderer: renders a chart as <c>helm template</c> does and hands each
/// manifest over with a map from its lines back to the template that produced it.
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
        });
        if (!result.Succeeded)
        {
            return new ChartRenderOutcome([], result.Diagnostics);
        }

        var templates = new Dictionary<string, string?>(StringComparer.Ordinal);
        var documents = result.Manifests
            .Select(manifest => Document(chartDirectory, manifest, templates))
            .ToList();
        return new ChartRenderOutcome(documents, result.Diagnostics);
    }

    private static RenderedDocument Document(string chartDirectory, RenderedManifest manifest, Dictionary<string, string?> templates)
    {
        // "# Source: chart/templates/x.yaml" names the chart first; a subchart's is "chart/charts/sub/templates/x.yaml".
        var slash = manifest.SourceTemplate.IndexOf('/', StringComparison.Ordinal);
        var path = Path.Combine(chartDirectory, slash < 0 ? manifest.SourceTemplate : manifest.SourceTemplate[(slash + 1)..]);
        if (!templates.TryGetValue(path, out var template))
        {
            templates[path] = template = File.Exists(path) ? File.ReadAllText(path) : null;
        }

        if (template is null)
        {
            return new RenderedDocument(path, manifest.Content);
        }

        var mapper = new TemplateLineMapper(path, template, manifest.Content);
        return new RenderedDocument(path, manifest.Content, mapper.Map);
    }
}
