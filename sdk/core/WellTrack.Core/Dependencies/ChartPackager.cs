using System.Formats.Tar;
using System.IO.Compression;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// Packs a chart's files into a <c>.tgz</c> as <c>helm package</c> lays it out (every file under the chart's name),
/// for <c>file://</c> dependencies written to charts/. Entries are sorted and timestamps fixed, so the same chart
/// always gives the same bytes.
/// </summary>
public static class ChartPackager
{
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Pack(string chartName, IReadOnlyDictionary<string, byte[]> files)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (path, data) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, chartName + "/" + path)
                {
                    DataStream = new MemoryStream(data),
                    ModificationTime = FixedTime,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                };
                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }
}
