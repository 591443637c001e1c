namespace WellTrack.Templating.Charts;

/// <summary>A file Helm applies from a chart's <c>crds/</c> directory.</summary>
/// <param name="Path">Chart-relative, '/'-separated: <c>crds/x.yaml</c>, <c>charts/sub/crds/x.yaml</c>, or the archive
/// (<c>charts/sub-1.0.0.tgz</c>) that holds it.</param>
/// <param name="ArchiveEntry">The file's path inside <paramref name="Path"/> when that is a packaged subchart.</param>
public sealed record ChartCrdFile(string Path, string? ArchiveEntry, byte[] Content);

/// <summary>
/// Helm's rule for what <c>helm install</c> applies, untemplated, before the templates (<c>Chart.CRDObjects</c>):
/// every file under <c>crds/</c> whose extension is .yaml, .yml or .json (in any case), of the chart and of each
/// subchart in <c>charts/</c>, unpacked or packaged, at any depth. Subcharts' conditions are not evaluated here: every
/// subchart present counts.
/// </summary>
public static class ChartCrdFiles
{
    private const string CrdsDirectory = "crds/";
    private const string ChartsDirectory = "charts/";

    /// <param name="chartFiles">The chart's files as <see cref="LoadedChart.ReadFiles"/> returns them.</param>
    public static IReadOnlyList<ChartCrdFile> Find(IReadOnlyDictionary<string, byte[]> chartFiles)
    {
        ArgumentNullException.ThrowIfNull(chartFiles);
        var found = new List<ChartCrdFile>();
        Collect(chartFiles, prefix: string.Empty, archive: null, found);
        return found;
    }

    private static void Collect(IReadOnlyDictionary<string, byte[]> files, string prefix, string? archive, List<ChartCrdFile> found)
    {
        foreach (var (name, data) in files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (name.StartsWith(CrdsDirectory, StringComparison.Ordinal) && HasManifestExtension(name))
            {
                found.Add(archive is null ? new ChartCrdFile(prefix + name, null, data) : new ChartCrdFile(archive, prefix + name, data));
                continue;
            }

            // charts/NAME/crds/... are reached below through their subchart; packaged subcharts are opened here.
            if (name.StartsWith(ChartsDirectory, StringComparison.Ordinal) && IsArchive(name[ChartsDirectory.Length..]))
            {
                // A package inside a package is located at the outer one: the only file on disk.
                CollectArchive(archive ?? prefix + name, data, found);
            }
        }

        foreach (var (subchart, subchartFiles) in Subcharts(files))
        {
            Collect(subchartFiles, $"{prefix}{ChartsDirectory}{subchart}/", archive, found);
        }
    }

    private static void CollectArchive(string location, byte[] data, List<ChartCrdFile> found)
    {
        Dictionary<string, byte[]> files;
        try
        {
            // The parent's name only words the error, which is dropped here.
            files = ChartArchive.Read(location, parentName: string.Empty, data);
        }
        catch (ChartLoadException)
        {
            return; // rendering reports an unreadable archive
        }

        Collect(files, string.Empty, location, found);
    }

    /// <summary>The files of each unpacked subchart (charts/NAME/...), relative to it.</summary>
    private static SortedDictionary<string, Dictionary<string, byte[]>> Subcharts(IReadOnlyDictionary<string, byte[]> files)
    {
        var subcharts = new SortedDictionary<string, Dictionary<string, byte[]>>(StringComparer.Ordinal);
        foreach (var (name, data) in files)
        {
            if (!name.StartsWith(ChartsDirectory, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = name[ChartsDirectory.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                continue;
            }

            var subchart = rest[..slash];
            if (!subcharts.TryGetValue(subchart, out var group))
            {
                subcharts[subchart] = group = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            }

            group[rest[(slash + 1)..]] = data;
        }

        return subcharts;
    }

    private static bool IsArchive(string name)
        => !name.Contains('/', StringComparison.Ordinal)
           && (name.EndsWith(".tgz", StringComparison.Ordinal) || name.EndsWith(".tar.gz", StringComparison.Ordinal));

    private static bool HasManifestExtension(string name)
    {
        var extension = System.IO.Path.GetExtension(name);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
               || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
               || extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
    }
}
