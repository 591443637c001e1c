using System.Text;
using WellTrack.Core.Validation.Charts;
using WellTrack.Core.Validation.Objects;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation.CustomResources;

/// <summary>
/// Finds the CustomResourceDefinitions of the repository being validated, in three places: the <c>crds/</c> files of
/// every chart validated (and of its subcharts), which Helm installs untemplated before the templates; the files and
/// directories listed in <c>validation.customResourceDefinitions</c>; and the manifests a chart's templates render.
/// The first two make the repository's catalog, built once before any chart is rendered and shared by all of them;
/// a rendered definition applies to the objects of the render that produced it only (other charts may be validated
/// before it, or at the same time), ahead of the repository's definitions of the same kind.
/// A repository without definitions pays a look at each chart's file list, which is read anyway.
/// </summary>
internal static class CustomResourceDiscovery
{
    /// <summary>The objects of the chart's <c>crds/</c> files and its subcharts'; YAML problems are reported.</summary>
    public static IReadOnlyList<ManifestObject> ChartObjects(ChartSource source, FindingCollector findings)
    {
        var files = source.CrdFiles();
        if (files.Count == 0)
        {
            return [];
        }

        var objects = new List<ManifestObject>();
        foreach (var file in files)
        {
            var path = source.FullPath(file.Path);
            var text = Encoding.UTF8.GetString(file.Content);
            var document = file.ArchiveEntry is null
                ? new RenderedDocument(path, text)
                : new RenderedDocument(path, text, (_, _) => new SourceMapping(new SourceLocation(path)));
            objects.AddRange(ManifestParser.Parse(document, findings));
        }

        return objects;
    }

    /// <summary>The objects of the configured files, and of the manifest files (.yaml, .yml, .json) under the
    /// configured directories; <paramref name="skip"/> holds files already read as a chart's crds/ files.</summary>
    public static IReadOnlyList<ManifestObject> ConfiguredObjects(IReadOnlyList<string> paths, IReadOnlySet<string> skip, FindingCollector findings)
    {
        var objects = new List<ManifestObject>();
        foreach (var file in paths.SelectMany(ManifestFiles).Distinct(StringComparer.Ordinal).Where(f => !skip.Contains(f)))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                findings.Report(DiagnosticCodes.WT3909, new SourceLocation(file), e.Message);
                continue;
            }

            objects.AddRange(ManifestParser.Parse(new RenderedDocument(file, text), findings));
        }

        return objects;
    }

    /// <summary>The definitions among <paramref name="objects"/>, in order; malformed ones are left out.</summary>
    public static IEnumerable<CustomResourceType> Definitions(IEnumerable<ManifestObject> objects)
        => objects.Select(o => CustomResourceDefinitionReader.Read(o, o.Document.TemplatePath)).OfType<CustomResourceType>();

    /// <summary>The catalog for one render: the definitions it rendered, then the repository's.</summary>
    public static CustomResourceCatalog ForRender(CustomResourceCatalog repository, IReadOnlyList<ManifestObject> rendered)
        => repository.With(Definitions(rendered).ToList());

    private static IEnumerable<string> ManifestFiles(string path)
    {
        if (!Directory.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml" or ".json")
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal);
    }
}
