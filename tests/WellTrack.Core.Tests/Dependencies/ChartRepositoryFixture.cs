using System.Text;
using WellTrack.Core.Dependencies;
using WellTrack.Templating.Charts;
using WellTrack.Testing;

namespace WellTrack.Core.Tests.Dependencies;

/// <summary>
/// A classic chart repository the test builds and serves on 127.0.0.1: the fixture charts packaged (plus versions that
/// must not be chosen), an <c>index.yaml</c> with their digests (one URL absolute, the others relative), a private
/// cache directory, and a copy of the umbrella chart to work on.
/// </summary>
internal sealed class ChartRepositoryFixture : IDisposable
{
    private readonly TemporaryDirectory _temp = new("welltrack-deps-");
    private readonly List<(string Name, string Version, string Url, string Digest)> _index = [];
    private bool _indexChanged;

    public ChartRepositoryFixture(string? basicAuth = null)
    {
        RepositoryDirectory = _temp.CreateDirectory("repository");
        CacheDirectory = _temp.Combine("cache");
        Server = new StaticFileServer(RepositoryDirectory, basicAuth);
        ChartDirectory = CopyFixture("umbrella", _temp.Combine("work", "umbrella"));
        Publish(FixtureFiles("common"), absoluteUrl: true);
        Publish(FixtureFiles("cache"));
        Publish(WithVersion(FixtureFiles("cache"), "2.2.0"));
        Publish(WithVersion(FixtureFiles("cache"), "2.1.4-rc.1"));
        Publish(WithVersion(FixtureFiles("cache"), "2.0.9"));
        WriteIndex();
    }

    public StaticFileServer Server { get; }

    public string RepositoryDirectory { get; }

    public string CacheDirectory { get; }

    /// <summary>The working copy of the umbrella chart.</summary>
    public string ChartDirectory { get; }

    public string RepositoryUrl => Server.Url("charts");

    public DependencyOptions Options(bool offline = false) => new()
    {
        CacheDirectory = CacheDirectory,
        Offline = offline,
        Timeout = TimeSpan.FromSeconds(10),
        Repositories = [new RepositorySettings(RepositoryUrl) { Name = "fixtures", UsernameVariable = "FIXTURE_USER", PasswordVariable = "FIXTURE_PASSWORD" }],
        Environment = name => name switch
        {
            "FIXTURE_USER" => "ci",
            "FIXTURE_PASSWORD" => "s3cret-for-tests",
            _ => null,
        },
    };

    public static string FixturePath(string name) => Path.Combine(RepositoryPaths.Root(typeof(ChartRepositoryFixture).Assembly), "tests", "WellTrack.Core.Tests", "Dependencies", "Fixtures", name);

    public static IReadOnlyDictionary<string, byte[]> FixtureFiles(string name) => LoadedChart.ReadFiles(FixturePath(name));

    public static Dictionary<string, byte[]> WithVersion(IReadOnlyDictionary<string, byte[]> files, string version)
    {
        var copy = files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var chart = Encoding.UTF8.GetString(copy["Chart.yaml"]);
        var line = chart.Split('\n').First(l => l.StartsWith("version:", StringComparison.Ordinal));
        copy["Chart.yaml"] = Encoding.UTF8.GetBytes(chart.Replace(line, "version: " + version, StringComparison.Ordinal));
        return copy;
    }

    public static string CopyFixture(string name, string destination)
    {
        foreach (var (path, data) in FixtureFiles(name))
        {
            var file = Path.Combine(destination, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, data);
        }

        return destination;
    }

    /// <summary>Packages <paramref name="files"/> into the repository and lists it in the index.</summary>
    public void Publish(IReadOnlyDictionary<string, byte[]> files, bool absoluteUrl = false, string? chartName = null)
        => PublishArchive(ChartName(files, chartName), ChartVersion(files), ChartPackager.Pack(ChartName(files, chartName), files), absoluteUrl);

    /// <summary>Puts raw archive bytes in the repository under the name and version given, listed with their true digest.</summary>
    public void PublishArchive(string name, string version, byte[] archive, bool absoluteUrl = false, string? statedDigest = null)
    {
        var file = $"{name}-{version}.tgz";
        File.WriteAllBytes(Path.Combine(RepositoryDirectory, "charts", EnsureDirectory(file)), archive);
        _index.RemoveAll(e => e.Name == name && e.Version == version);
        _indexChanged = true;
        _index.Add((name, version, absoluteUrl ? Server.Url("charts/" + file) : file, statedDigest ?? ArchiveDigest.Of(archive)["sha256:".Length..]));
    }

    /// <summary>Rewrites index.yaml after <see cref="PublishArchive"/>; an index a test deleted or spoilt stays so.</summary>
    public void WriteIndexIfChanged()
    {
        if (_indexChanged)
        {
            WriteIndex();
        }
    }

    public void WriteIndex()
    {
        _indexChanged = false;
        File.WriteAllText(Path.Combine(RepositoryDirectory, "charts", "index.yaml"),
            HelmRepositoryIndexFile.Text(_index.Select(e => new HelmRepositoryIndexFile.Entry(e.Name, e.Version, e.Url, e.Digest))));
    }

    /// <summary>Every file under <paramref name="directory"/> with its bytes: a snapshot to show nothing changed.</summary>
    public static SortedDictionary<string, string> Snapshot(string directory)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return result;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(directory, file)] = Convert.ToHexString(File.ReadAllBytes(file));
        }

        return result;
    }

    public void Dispose()
    {
        Server.Dispose();
        _temp.Dispose();
    }

    private string EnsureDirectory(string file)
    {
        Directory.CreateDirectory(Path.Combine(RepositoryDirectory, "charts"));
        return file;
    }

    private static string ChartName(IReadOnlyDictionary<string, byte[]> files, string? name) => name ?? LoadedChart.FromFiles("x", files).Metadata.Name;

    private static string ChartVersion(IReadOnlyDictionary<string, byte[]> files) => LoadedChart.FromFiles("x", files).Metadata.Version;
}
