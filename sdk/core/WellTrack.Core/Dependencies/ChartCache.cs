using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WellTrack.Core.IO;

namespace WellTrack.Core.Dependencies;

/// <summary>
/// The chart cache, shared by every repository and build: archives stored by their sha256
/// (<c>sha256/&lt;hex&gt;.tgz</c>), a reference per repository, chart and version naming the archive
/// (<c>refs/…</c>), and the versions a repository last offered for a chart (<c>versions/…</c>) for offline
/// resolution without a Chart.lock. Every file is written to a temporary file beside it and renamed into place, so a
/// reader (another build running at the same time) sees a whole entry or none; an archive is re-hashed when read, so
/// a damaged entry is a miss, never a wrong chart.
/// </summary>
public sealed class ChartCache(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The archive of <paramref name="name"/> <paramref name="version"/> from <paramref name="repository"/>, or null.</summary>
    public byte[]? TryGetArchive(string repository, string name, string version)
    {
        var reference = ReadText(ReferencePath(repository, name, version));
        if (reference is null || !reference.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return null;
        }

        var path = ArchivePath(reference);
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return ArchiveDigest.Of(data) == reference ? data : null;
    }

    /// <summary>Stores a verified archive and the reference to it; returns its digest.</summary>
    public string PutArchive(string repository, string name, string version, byte[] data)
    {
        var digest = ArchiveDigest.Of(data);
        var path = ArchivePath(digest);
        if (!File.Exists(path))
        {
            WriteCacheFile(path, data);
        }

        WriteCacheFile(ReferencePath(repository, name, version), Encoding.UTF8.GetBytes(digest));
        return digest;
    }

    /// <summary>The versions <paramref name="repository"/> offered for <paramref name="name"/> when last asked, or null.</summary>
    public IReadOnlyList<ChartSourceEntry>? TryGetVersions(string repository, string name)
    {
        var text = ReadText(VersionsPath(repository, name));
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, DependencyJsonContext.Default.ListCachedEntry)?
                .Select(e => new ChartSourceEntry(name, e.Version, e.Digest, new Uri(e.Location)))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or UriFormatException or ArgumentNullException)
        {
            return null;
        }
    }

    public void PutVersions(string repository, string name, IReadOnlyList<ChartSourceEntry> entries)
    {
        var list = entries.Select(e => new CachedEntry(e.Version, e.Digest, e.Location.ToString())).ToList();
        WriteCacheFile(VersionsPath(repository, name), JsonSerializer.SerializeToUtf8Bytes(list, DependencyJsonContext.Default.ListCachedEntry));
    }

    private string ArchivePath(string digest) => Path.Combine(Directory, "sha256", digest["sha256:".Length..] + ".tgz");

    private string ReferencePath(string repository, string name, string version) => Path.Combine(Directory, "refs", Key(repository, name, version));

    private string VersionsPath(string repository, string name) => Path.Combine(Directory, "versions", Key(repository, name) + ".json");

    /// <summary>A file name for a tuple of strings: repository URLs hold characters no file name may.</summary>
    private static string Key(params string[] parts)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Select(p => p.TrimEnd('/'))))));

    /// <summary>Written beside and renamed into place (<see cref="AtomicFile"/>): a concurrent build never reads half a file.</summary>
    private static void WriteCacheFile(string path, byte[] data)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, data);
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>One cached version of a chart (<see cref="ChartSourceEntry"/> without the name, which the file is keyed by).</summary>
internal sealed record CachedEntry(string Version, string? Digest, string Location);

[System.Text.Json.Serialization.JsonSerializable(typeof(List<CachedEntry>))]
internal sealed partial class DependencyJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
