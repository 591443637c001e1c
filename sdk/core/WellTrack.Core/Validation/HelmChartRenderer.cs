using WellTrack.Core.Validation.Objects;
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
            // As Argo CD renders: with what the destination cluster serves, not helm template's offline list.
            ApiVersions = [.. ClusterApiVersions.BuiltIn(settings.KubernetesVersion), .. settings.ApiVersions],
            IncludeDefaultApiVersions = false,
            // Helm checks every subchart's section of the values against the subchart's schema before rendering; the
            // chart's own schema is checked beside (WT3017, with the value's position).
            ValuesSchemaValidator = Charts.ValuesSchema.Validator(includeRoot: false),
            ValueFiles = extraValuesFiles,
            RecordSourceMap = true,
            ResolveDependencies = settings.Dependencies is { } resolver ? resolver.Complete : null,
        });
        // The engine names files as Helm names templates (CHART/templates/x.yaml); an editor or a CI problem matcher
        // needs the file's path, which every other finding gives.
        var diagnostics = result.Diagnostics.Select(d => IsTemplateName(chartDirectory, d.File) ? d with { File = FilePath(chartDirectory, d.File!) } : d).ToList();
        if (!result.Succeeded)
        {
            return new ChartRenderOutcome([], diagnostics);
        }

        var documents = result.Manifests
            .Select(manifest => Document(chartDirectory, manifest))
            .ToList();
        return new ChartRenderOutcome(documents, diagnostics);
    }

    /// <summary>"chart/templates/x.yaml" names the chart first; a subchart's is "chart/charts/sub/templates/x.yaml".</summary>
    private static string FilePath(string chartDirectory, string template)
    {
        var slash = template.IndexOf('/', StringComparison.Ordinal);
        return Path.Combine(chartDirectory, slash < 0 ? template : template[(slash + 1)..]);
    }

    /// <summary>Whether a diagnostic's file is a template name rather than a path (load errors give the chart's path).</summary>
    private static bool IsTemplateName(string chartDirectory, string? file)
        => file is not null && !Path.IsPathRooted(file) && !file.StartsWith(chartDirectory, StringComparison.Ordinal);

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
