using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using WellTrack.Templating.Charts;
using static WellTrack.Templating.Tests.Upstream.UpstreamCharts;

namespace WellTrack.Templating.Tests.Upstream;

/// <summary>
/// Helm v3.16 pkg/chart/loader's archive_test.go and load_test.go, the cases about a packaged chart's entries. Helm
/// loads such archives with loader.LoadArchive; so does a render, for each charts/NAME.tgz of a chart, and that is
/// where the engine reads them (<see cref="LoadedChart.FromFiles"/>): each Go test's archive is here a subchart
/// archive of a chart named <c>parent</c>, and Helm's error arrives wrapped as loader.LoadFiles wraps it
/// (<c>error unpacking bad.tgz in parent: ...</c>). The expected texts are Helm's. The oracle renders no subcharts.
/// </summary>
[TestClass]
public sealed class HelmLoaderSuiteTests
{
    /// <summary>TestLoadInvalidArchive: a tar entry's name, and the error Helm's loader fails with.</summary>
    public static IEnumerable<object[]> RefusedEntries =>
    [
        ["../../malformed-helm-test", "chart illegally references parent directory"],
        ["/foo/../../malformed-helm-test", "chart illegally references parent directory"],
        ["/../../malformed-helm-test", "chart illegally references parent directory"],
        ["./../../malformed-helm-test", "chart illegally references parent directory"],
        ["./.", "chart illegally contains content outside the base directory"],
        ["/./.", "chart illegally contains content outside the base directory"],
        ["missing-leading-slash", "chart illegally contains content outside the base directory"],
        ["/missing-leading-slash", "Chart.yaml file is missing"],
        ["//foo", "chart illegally contains absolute paths"],
        ["///foo", "chart illegally contains absolute paths"],
        [@"\\foo", "chart illegally contains absolute paths"],
        [@"\..\..\foo", "chart illegally references parent directory"],
        [@"\.\c:\\foo", "chart contains illegally named files"],
        ["/./c://foo", "chart contains illegally named files"],
        [@"\\?\Some\windows\magic", "chart illegally contains absolute paths"],

        // The first segment is the chart's directory whatever it is, so a leading slash or a drive makes this the
        // chart's Chart.yaml; its content names no chart.
        ["/Chart.yaml", "validation: chart.metadata.name is required"],
        [@"c:\Chart.yaml", "validation: chart.metadata.name is required"],

        // The rows above fail for their path, not spuriously: a path inside the chart loads, and lacks Chart.yaml.
        ["files/whatever.yaml", "Chart.yaml file is missing"],
    ];

    [TestMethod]
    [DynamicData(nameof(RefusedEntries))]
    public void LoadInvalidArchive(string entryName, string expected)
    {
        var archive = Archive(tar => tar.WriteEntry(File(entryName, "hello: world")));

        var error = Assert.ThrowsExactly<ChartLoadException>(() => LoadParentWith(archive));

        StringAssert.Contains(error.Message, expected);
    }

    /// <summary>TestLoadInvalidArchive's "error unpacking" wrapping, which its checks of a contained text leave open.</summary>
    [TestMethod]
    public void AnEntryLeavingTheChartFailsTheParentsLoad()
    {
        var archive = Archive(tar => tar.WriteEntry(File("bad/../../escape", "hello: world")));

        var error = Assert.ThrowsExactly<ChartLoadException>(() => LoadParentWith(archive));

        Assert.AreEqual("error unpacking bad.tgz in parent: chart illegally references parent directory", error.Message);
    }

    /// <summary>
    /// TestLoadArchiveFiles: "empty input should return no files". Go's tar.Writer closes even an empty archive with
    /// its two zero blocks (.NET's writes nothing when given no entry), so the tar is those blocks, gzip'd.
    /// </summary>
    [TestMethod]
    public void AnArchiveWithoutFilesIsRefused()
    {
        var error = Assert.ThrowsExactly<ChartLoadException>(() => LoadParentWith(Gzip(new byte[1024])));

        StringAssert.Contains(error.Message, "no files in chart archive");
    }

    /// <summary>TestLoadArchiveFiles: "should ignore files with XGlobalHeader type" (the chart's one file stays).</summary>
    [TestMethod]
    public void AGlobalExtendedHeaderIsNotAFile()
    {
        var archive = Archive(tar =>
        {
            tar.WriteEntry(new PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = "not a file" }));
            tar.WriteEntry(File("sub/Chart.yaml", Metadata("sub")));
        });

        var sub = LoadParentWith(archive).Dependencies.Single();

        Assert.AreEqual("sub", sub.Metadata.Name);
        Assert.AreEqual(0, sub.Files.Length, "the header became a file");
    }

    /// <summary>
    /// TestLoadFileBackslash: an archive written with backslashes (on Windows) loads as one written with slashes;
    /// Helm's test reads its frobnitz_backslash archive, rebuilt here as a chart with one template.
    /// </summary>
    [TestMethod]
    public void AnArchiveWithBackslashesLoads()
    {
        var archive = Archive(tar =>
        {
            tar.WriteEntry(File(@"sub\Chart.yaml", Metadata("sub")));
            tar.WriteEntry(File(@"sub\templates\cm.yaml", "kind: ConfigMap\n"));
        });

        var sub = LoadParentWith(archive).Dependencies.Single();

        Assert.AreEqual("sub", sub.Metadata.Name);
        CollectionAssert.AreEqual(new[] { "sub/templates/cm.yaml" }, sub.Templates.Keys.ToArray());
    }

    private static LoadedChart LoadParentWith(byte[] archive)
    {
        var files = Chart("parent");
        files["charts/bad.tgz"] = archive;
        return LoadedChart.FromFiles("/charts/parent", files);
    }

    /// <summary>A regular file entry as Go's tar.Writer writes Helm's test entries (mode 0755).</summary>
    private static PaxTarEntry File(string name, string text) => new(TarEntryType.RegularFile, name)
    {
        DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
        Mode = (UnixFileMode)0b111_101_101,
    };

    private static byte[] Archive(Action<TarWriter> write)
    {
        using var tarBytes = new MemoryStream();
        using (var tar = new TarWriter(tarBytes, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(tar);
        }

        return Gzip(tarBytes.ToArray());
    }

    private static byte[] Gzip(byte[] data)
    {
        using var archive = new MemoryStream();
        using (var gzip = new GZipStream(archive, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return archive.ToArray();
    }
}
