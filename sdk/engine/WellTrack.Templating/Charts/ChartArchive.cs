using System.Formats.Tar;
using System.IO.Compression;

namespace WellTrack.Templating.Charts;

/// <summary>A packaged chart (charts/NAME-VERSION.tgz): a gzip'd tar whose entries sit under one top directory.</summary>
internal static class ChartArchive
{
    /// <summary>Bounds a packaged subchart's expanded size, as Helm bounds archive decompression.</summary>
    private const long MaxExpandedBytes = 100L * 1024 * 1024;

    public static Dictionary<string, byte[]> Read(string archiveName, byte[] data)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }

                var name = entry.Name.Replace('\\', '/');
                var slash = name.IndexOf('/');
                if (slash < 0 || name.Contains("..", StringComparison.Ordinal))
                {
                    continue;
                }

                total += entry.Length;
                if (total > MaxExpandedBytes)
                {
                    throw new ChartLoadException($"chart archive {archiveName} expands beyond {MaxExpandedBytes} bytes");
                }

                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                var bytes = buffer.ToArray();
                if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                {
                    bytes = bytes[3..];
                }

                files[name[(slash + 1)..]] = bytes;
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ChartLoadException($"{archiveName}: not a valid chart archive: {e.Message}");
        }

        return files;
    }
}
