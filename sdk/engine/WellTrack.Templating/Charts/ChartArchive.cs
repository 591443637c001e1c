using System.Formats.Tar;
using System.IO.Compression;

namespace WellTrack.Templating.Charts;

/// <summary>Why an untrusted chart archive was refused (<see cref="ChartArchive.ReadUntrusted"/>).</summary>
public enum ChartArchiveProblem
{
    /// <summary>Not gzip, not tar, truncated.</summary>
    Corrupt,

    /// <summary>An absolute path, a <c>..</c> segment, or an entry outside one top directory.</summary>
    PathEscapes,

    /// <summary>A symbolic or hard link.</summary>
    Link,

    /// <summary>The compressed archive is above its limit.</summary>
    ArchiveTooLarge,

    /// <summary>One file or the whole expanded chart is above its limit (a decompression bomb).</summary>
    ExpandsTooMuch,
}

/// <summary>An archive refused by <see cref="ChartArchive.ReadUntrusted"/>; <see cref="Entry"/> names the tar entry at fault.</summary>
public sealed class ChartArchiveException(ChartArchiveProblem problem, string? entry, string message) : Exception(message)
{
    public ChartArchiveProblem Problem { get; } = problem;

    public string? Entry { get; } = entry;
}

/// <summary>Bounds for reading an archive from a repository: compressed size, one expanded file, the whole chart.</summary>
public sealed record ChartArchiveLimits(long MaxArchiveBytes, long MaxFileBytes, long MaxExpandedBytes)
{
    /// <summary>Helm's own bounds are 20 MiB compressed, 5 MiB per file; the chart as a whole is bounded here too.</summary>
    public static ChartArchiveLimits Default { get; } = new(20L * 1024 * 1024, 5L * 1024 * 1024, 100L * 1024 * 1024);
}

/// <summary>A packaged chart (charts/NAME-VERSION.tgz): a gzip'd tar whose entries sit under one top directory.</summary>
public static class ChartArchive
{
    /// <summary>Bounds a packaged subchart's expanded size, as Helm bounds archive decompression.</summary>
    private const long MaxExpandedBytes = 100L * 1024 * 1024;

    /// <summary>
    /// A subchart found in charts/ of <paramref name="parentName"/>, read as Helm's loader reads it: an entry whose path
    /// would leave the chart fails the load (<see cref="HelmArchivePath"/>), with Helm's "error unpacking" wording.
    /// </summary>
    internal static Dictionary<string, byte[]> Read(string archiveName, string parentName, byte[] data)
    {
        try
        {
            return Expand(data, new ChartArchiveLimits(long.MaxValue, MaxExpandedBytes, MaxExpandedBytes), strict: false);
        }
        catch (ChartArchiveException e) when (e.Problem == ChartArchiveProblem.ExpandsTooMuch)
        {
            throw new ChartLoadException($"chart archive {archiveName} expands beyond {MaxExpandedBytes} bytes");
        }
        catch (ChartArchiveException e)
        {
            throw new ChartLoadException($"error unpacking {archiveName} in {parentName}: {e.Message}");
        }
    }

    /// <summary>
    /// An archive from a repository, checked before anything is used: every entry a regular file or directory under
    /// one top directory, no absolute path, no <c>..</c>, no link, within <paramref name="limits"/>. Returns the files
    /// by chart-relative path (the top directory removed).
    /// </summary>
    /// <exception cref="ChartArchiveException">With the problem and the entry at fault.</exception>
    public static Dictionary<string, byte[]> ReadUntrusted(byte[] data, ChartArchiveLimits limits)
    {
        if (data.LongLength > limits.MaxArchiveBytes)
        {
            throw new ChartArchiveException(ChartArchiveProblem.ArchiveTooLarge, null, $"{data.LongLength} bytes");
        }

        return Expand(data, limits, strict: true);
    }

    private static Dictionary<string, byte[]> Expand(byte[] data, ChartArchiveLimits limits, bool strict)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? top = null;
        long total = 0;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                var name = entry.Name.Replace('\\', '/');
                if (strict)
                {
                    CheckEntry(entry, name, ref top);
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }

                string path;
                if (strict)
                {
                    var slash = name.IndexOf('/');
                    if (slash < 0)
                    {
                        continue;
                    }

                    path = name[(slash + 1)..];
                }
                else
                {
                    path = HelmArchivePath.Of(entry.Name);
                }

                var bytes = ReadBounded(entry.DataStream, name, limits, ref total);
                if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                {
                    bytes = bytes[3..];
                }

                files[path] = bytes;
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or IOException)
        {
            throw new ChartArchiveException(ChartArchiveProblem.Corrupt, null, e.Message);
        }

        if (files.Count == 0)
        {
            throw new ChartArchiveException(ChartArchiveProblem.Corrupt, null, strict ? "the archive holds no files" : "no files in chart archive");
        }

        return files;
    }

    private static void CheckEntry(TarEntry entry, string name, ref string? top)
    {
        if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
        {
            throw new ChartArchiveException(ChartArchiveProblem.Link, name, "a link");
        }

        var trimmed = name.TrimEnd('/');
        var segments = trimmed.Split('/');
        if (name.StartsWith('/') || (name.Length > 1 && name[1] == ':') || segments.Any(s => s is ".." or "."))
        {
            throw new ChartArchiveException(ChartArchiveProblem.PathEscapes, name, "leaves the chart");
        }

        // Helm's loader strips the first path segment of every entry: an archive must hold one chart directory.
        top ??= segments[0];
        if (segments[0] != top)
        {
            throw new ChartArchiveException(ChartArchiveProblem.PathEscapes, name, "outside the chart's directory");
        }
    }

    /// <summary>Copies at most the limits allow, counting what is actually decompressed (a header can lie about sizes).</summary>
    private static byte[] ReadBounded(Stream stream, string name, ChartArchiveLimits limits, ref long total)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (buffer.Length + read > limits.MaxFileBytes || total > limits.MaxExpandedBytes)
            {
                throw new ChartArchiveException(ChartArchiveProblem.ExpandsTooMuch, name, $"beyond {Math.Min(limits.MaxFileBytes, limits.MaxExpandedBytes)} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
