using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using WellTrack.Core.Validation;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Validation.CustomResources;

/// <summary>
/// A GitOps repository on disk for custom resource tests: charts under charts/ whose rendered manifests are given
/// by the test (one template each, templates/objects.yaml), extra files anywhere, validated as the tool does.
/// </summary>
internal sealed class CustomResourceRepository : IDisposable
{
    public const string Template = "templates/objects.yaml";

    private readonly TemporaryDirectory _directory = new("welltrack-crds-");
    private readonly Dictionary<string, string> _rendered = new(StringComparer.Ordinal);

    public string Root => _directory.Path;

    public string ChartsDirectory => _directory.Combine("charts");

    /// <summary>A chart whose templates render <paramref name="rendered"/>; <paramref name="files"/> are
    /// chart-relative (crds/x.yaml, charts/sub/crds/x.yaml).</summary>
    public string Chart(string name, string rendered, IReadOnlyDictionary<string, string>? files = null)
    {
        File($"charts/{name}/Chart.yaml", $"apiVersion: v2\nname: {name}\ndescription: Widgets for tests\ntype: application\nversion: 0.1.0\nappVersion: \"1.0.0\"\n");
        File($"charts/{name}/values.yaml", "replicaCount: 1\n");
        File($"charts/{name}/{Template}", "# rendered by the test renderer\n");
        foreach (var (path, text) in files ?? new Dictionary<string, string>())
        {
            File($"charts/{name}/{path}", text);
        }

        _rendered[name] = rendered;
        return _directory.Combine("charts", name);
    }

    /// <summary>Writes a repository-relative file.</summary>
    public string File(string relativePath, string text)
    {
        var path = _directory.Combine(relativePath.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A packaged chart (<c>NAME/...</c> entries in a .tgz) holding <paramref name="files"/>.</summary>
    public void Archive(string relativePath, string chartName, IReadOnlyDictionary<string, string> files)
    {
        var path = _directory.Combine(relativePath.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var output = System.IO.File.Create(path);
        using var gzip = new GZipStream(output, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, text) in files)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, $"{chartName}/{name}") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
            tar.WriteEntry(entry);
        }
    }

    public ValidationReport Validate(int parallelism = 1)
        => ChartValidator.Validate(ChartsDirectory, ValidationSettings.Default with { BaseDirectory = Root, MaxDegreeOfParallelism = parallelism }, Renderer());

    public ValidationReport ValidateWithConfiguration(string configuration)
    {
        var file = File("welltrack.yaml", configuration);
        return ChartValidator.ValidateWithConfiguration(ChartsDirectory, Renderer(), configurationFile: file);
    }

    public IChartRenderer Renderer() => new PreRenderedChartRenderer((chart, _) =>
        _rendered.TryGetValue(Path.GetFileName(chart), out var text) ? $"# Source: {Path.GetFileName(chart)}/{Template}\n{text}" : null);

    public void Dispose() => _directory.Dispose();
}
