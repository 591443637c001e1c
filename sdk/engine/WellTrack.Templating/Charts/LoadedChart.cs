using System.Text;
using WellTrack.Templating.Serialization;

namespace WellTrack.Templating.Charts;

/// <summary>A chart read from disk as Helm's loader reads it: metadata, values, templates and other files.</summary>
public sealed class LoadedChart
{
    private LoadedChart(string directory, ChartMetadata metadata, Dictionary<string, object?> values, SortedDictionary<string, string> templates, ChartFiles files, List<LoadedChart> dependencies, string? valuesSchema)
    {
        ValuesSchema = valuesSchema;
        Directory = directory;
        Metadata = metadata;
        Values = values;
        Templates = templates;
        Files = files;
        Dependencies = dependencies;
    }

    /// <summary>Subcharts found in charts/ (directories and .tgz archives), before conditions and aliases apply.</summary>
    public IReadOnlyList<LoadedChart> Dependencies { get; }

    public string Directory { get; }

    public ChartMetadata Metadata { get; }

    /// <summary>values.yaml (empty map when absent).</summary>
    public Dictionary<string, object?> Values { get; }

    /// <summary>Template texts by Helm's name, <c>CHART/templates/...</c>.</summary>
    public SortedDictionary<string, string> Templates { get; }

    public ChartFiles Files { get; }

    /// <summary>values.schema.json's text, or null when the chart has none.</summary>
    public string? ValuesSchema { get; }

    /// <summary>
    /// This chart with <paramref name="resolved"/> added to its subcharts, as if charts/ held them: how dependencies
    /// resolved from repositories reach the renderer without being written into the chart's directory.
    /// </summary>
    public LoadedChart WithDependencies(IEnumerable<LoadedChart> resolved)
        => new(Directory, Metadata, Values, Templates, Files, [.. Dependencies, .. resolved], ValuesSchema);

    /// <summary>Reads <paramref name="directory"/> applying .helmignore; reads nothing outside it.</summary>
    /// <exception cref="ChartLoadException">With Helm's message.</exception>
    public static LoadedChart Load(string directory) => FromFiles(Path.GetFullPath(directory), ReadFiles(directory));

    /// <summary>
    /// The files of the chart in <paramref name="directory"/> as Helm's loader sees them, by '/'-separated relative
    /// path: .helmignore applied (with its default rules), symbolic links skipped, a UTF-8 byte-order mark removed.
    /// Nothing is parsed: tools that check a chart's files read them from here instead of walking the directory.
    /// </summary>
    /// <exception cref="ChartLoadException">When the directory does not exist or .helmignore is malformed.</exception>
    public static IReadOnlyDictionary<string, byte[]> ReadFiles(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(root))
        {
            throw new ChartLoadException($"path {GoQuote(directory)} not found");
        }

        var ignore = HelmIgnore.Load(root);
        var raw = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Walk(root, root, ignore, raw);
        return raw;
    }

    /// <summary>Builds a chart from files already read (relative path to bytes), e.g. held in memory.</summary>
    /// <exception cref="ChartLoadException">With Helm's message.</exception>
    public static LoadedChart FromFiles(string directory, IReadOnlyDictionary<string, byte[]> raw)
    {
        var root = directory;
        if (!raw.TryGetValue("Chart.yaml", out var chartYaml))
        {
            throw new ChartLoadException("Chart.yaml file is missing");
        }

        var metadata = ChartMetadata.Parse(Encoding.UTF8.GetString(chartYaml));
        if (raw.TryGetValue("requirements.yaml", out var requirements))
        {
            metadata.ApplyRequirements(Encoding.UTF8.GetString(requirements));
        }
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var templates = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var subchartFiles = new SortedDictionary<string, Dictionary<string, byte[]>>(StringComparer.Ordinal);
        var dependencies = new List<LoadedChart>();
        foreach (var (name, data) in raw.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (name.StartsWith("charts/", StringComparison.Ordinal))
            {
                // Helm's loader: charts/NAME/... is a subchart directory, charts/NAME.tgz a packaged subchart.
                var rest = name["charts/".Length..];
                var slash = rest.IndexOf('/');
                if (slash < 0)
                {
                    if (rest.EndsWith(".tgz", StringComparison.Ordinal) || rest.EndsWith(".tar.gz", StringComparison.Ordinal))
                    {
                        dependencies.Add(FromFiles(root + "/charts/" + rest, ChartArchive.Read(rest, metadata.Name, data)));
                    }

                    continue;
                }

                var chartName = rest[..slash];
                if (!subchartFiles.TryGetValue(chartName, out var group))
                {
                    subchartFiles[chartName] = group = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                }

                group[rest[(slash + 1)..]] = data;
            }
        }

        foreach (var (chartName, group) in subchartFiles)
        {
            dependencies.Add(FromFiles(root + "/charts/" + chartName, group));
        }

        foreach (var (name, data) in raw)
        {
            // Helm keeps a v1 chart's requirements files among its Files (.Files.Get "requirements.yaml").
            var requirementsFile = name is "requirements.yaml" or "requirements.lock";
            if (name is "Chart.yaml" or "Chart.lock" or "values.schema.json" || (requirementsFile && metadata.ApiVersion != "v1") || name.StartsWith("charts/", StringComparison.Ordinal))
            {
                continue;
            }

            if (name == "values.yaml")
            {
                try
                {
                    values = GoYamlLoader.LoadMap(Encoding.UTF8.GetString(data));
                }
                catch (YamlLoadException e)
                {
                    throw new ChartLoadException("cannot load values.yaml: " + e.Message, "values.yaml", e.Line, e.Column);
                }
            }
            else if (name.StartsWith("templates/", StringComparison.Ordinal))
            {
                templates[metadata.Name + "/" + name] = Encoding.UTF8.GetString(data);
            }
            else
            {
                files[name] = data;
            }
        }

        var schema = raw.TryGetValue("values.schema.json", out var schemaBytes) ? Encoding.UTF8.GetString(schemaBytes) : null;
        return new LoadedChart(root, metadata, values, templates, new ChartFiles(files), dependencies, schema);
    }

    private static void Walk(string root, string dir, HelmIgnore ignore, Dictionary<string, byte[]> raw)
    {
        var entries = System.IO.Directory.EnumerateFileSystemEntries(dir).OrderBy(p => p, StringComparer.Ordinal);
        foreach (var path in entries)
        {
            var rel = Path.GetRelativePath(root, path).Replace('\\', '/');
            var info = new FileInfo(path);
            var isDir = info.Attributes.HasFlag(FileAttributes.Directory);
            if (info.LinkTarget is not null)
            {
                // Symbolic links could lead outside the chart; Helm follows them, this engine refuses to.
                continue;
            }

            if (ignore.Ignore(rel, isDir))
            {
                continue;
            }

            if (isDir)
            {
                Walk(root, path, ignore, raw);
                continue;
            }

            var data = File.ReadAllBytes(path);
            if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
            {
                data = data[3..];
            }

            raw[rel] = data;
        }
    }

    private static string GoQuote(string s) => WellTrack.Templating.Values.GoStrconv.Quote(s);
}
