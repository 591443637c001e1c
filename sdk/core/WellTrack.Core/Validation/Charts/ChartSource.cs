using System.Text;
using WellTrack.Diagnostics;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Validation.Charts;

/// <summary>
/// A chart's files as the engine's loader reads them (<see cref="LoadedChart.ReadFiles"/>: .helmignore with Helm's
/// defaults, no symbolic links, no byte-order mark). The chart rules check these, so a file Helm ignores is never
/// checked and a file Helm reads always is. Nothing here parses: the rules parse with positions.
/// </summary>
internal sealed class ChartSource
{
    private readonly IReadOnlyDictionary<string, byte[]> _files;

    private ChartSource(string directory, IReadOnlyDictionary<string, byte[]> files)
    {
        Directory = directory;
        _files = files;
    }

    public string Directory { get; }

    /// <summary>Chart-relative, '/'-separated paths, in ordinal order.</summary>
    public IEnumerable<string> Paths => _files.Keys.Order(StringComparer.Ordinal);

    /// <summary>Reads the chart; null (with WT3024 at .helmignore) when Helm's loader would refuse it.</summary>
    public static ChartSource? Read(string chartDirectory, FindingCollector findings)
    {
        try
        {
            return new ChartSource(chartDirectory, LoadedChart.ReadFiles(chartDirectory));
        }
        catch (ChartLoadException e)
        {
            findings.Report(DiagnosticCodes.WT3024, new SourceLocation(Path.Combine(chartDirectory, ".helmignore")), e.Message);
            return null;
        }
    }

    /// <summary>The chart as the engine's loader builds it from these files (subcharts with their own metadata), or
    /// null when the loader refuses it: the render then reports why.</summary>
    public LoadedChart? TryLoad()
    {
        try
        {
            return LoadedChart.FromFiles(Directory, _files);
        }
        catch (ChartLoadException)
        {
            return null;
        }
    }

    public bool Contains(string relativePath) => _files.ContainsKey(relativePath);

    /// <summary>The file's text (UTF-8), or null when the chart has no such file.</summary>
    public string? Text(string relativePath) => _files.TryGetValue(relativePath, out var data) ? Encoding.UTF8.GetString(data) : null;

    /// <summary>The files Helm would install from the chart's and its subcharts' crds/ directories.</summary>
    public IReadOnlyList<ChartCrdFile> CrdFiles() => ChartCrdFiles.Find(_files);

    /// <summary>The file's path on disk, for locations.</summary>
    public string FullPath(string relativePath) => Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
