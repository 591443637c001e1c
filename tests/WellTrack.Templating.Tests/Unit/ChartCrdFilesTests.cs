using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using WellTrack.Templating.Charts;

namespace WellTrack.Templating.Tests.Unit;

/// <summary>The files helm install applies from crds/: the chart's and every subchart's, unpacked or packaged, by
/// extension; nothing from templates/ or elsewhere.</summary>
[TestClass]
public sealed class ChartCrdFilesTests
{
    [TestMethod]
    public void CrdsOfTheChartAndItsSubchartsAreFoundByExtension()
    {
        var files = Files(
            "Chart.yaml", "crds/widgets.yaml", "crds/nested/gears.YML", "crds/sprockets.json", "crds/README.md",
            "templates/crd.yaml", "files/crds/other.yaml", "charts/parts/Chart.yaml", "charts/parts/crds/parts.yaml",
            "charts/parts/charts/bolts/crds/bolts.yaml");
        files["charts/cogs-0.1.0.tgz"] = Archive("cogs", ("Chart.yaml", "name: cogs\n"), ("crds/cogs.yaml", "kind: CustomResourceDefinition\n"), ("templates/x.yaml", "x\n"));

        var found = ChartCrdFiles.Find(files).Select(f => f.ArchiveEntry is null ? f.Path : $"{f.Path}!{f.ArchiveEntry}").ToList();

        CollectionAssert.AreEquivalent(
            new[]
            {
                "crds/widgets.yaml", "crds/nested/gears.YML", "crds/sprockets.json", "charts/parts/crds/parts.yaml",
                "charts/parts/charts/bolts/crds/bolts.yaml", "charts/cogs-0.1.0.tgz!crds/cogs.yaml",
            },
            found,
            string.Join("\n", found));
    }

    [TestMethod]
    public void AnUnreadableArchiveIsLeftToTheLoader()
    {
        var files = Files("crds/widgets.yaml");
        files["charts/broken-0.1.0.tgz"] = Encoding.UTF8.GetBytes("not gzip");

        var found = ChartCrdFiles.Find(files);

        Assert.AreEqual("crds/widgets.yaml", string.Join(",", found.Select(f => f.Path)));
    }

    private static Dictionary<string, byte[]> Files(params string[] paths)
        => paths.ToDictionary(p => p, p => Encoding.UTF8.GetBytes($"# {p}\n"), StringComparer.Ordinal);

    private static byte[] Archive(string chart, params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (name, text) in entries)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"{chart}/{name}") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            }
        }

        return buffer.ToArray();
    }
}
