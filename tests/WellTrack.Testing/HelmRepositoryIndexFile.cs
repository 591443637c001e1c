using System.Security.Cryptography;
using System.Text;

namespace WellTrack.Testing;

/// <summary>
/// The <c>index.yaml</c> of a classic Helm chart repository as <c>helm repo index</c> writes it: entries grouped by
/// chart name, each with its digest (hex SHA-256 of the archive) and one URL, relative or absolute.
/// </summary>
public static class HelmRepositoryIndexFile
{
    public sealed record Entry(string Name, string Version, string Url, string Digest);

    /// <summary>
    /// Writes <see cref="HelmChartArchive.MinimalChart"/> <paramref name="name"/> at each of <paramref name="versions"/>
    /// into <paramref name="directory"/> as NAME-VERSION.tgz, with an index.yaml listing them by relative URL.
    /// </summary>
    /// <returns>The archives by version.</returns>
    public static IReadOnlyDictionary<string, byte[]> PublishMinimalCharts(string directory, string name, params string[] versions)
    {
        var archives = versions.ToDictionary(v => v, v => HelmChartArchive.Pack(name, HelmChartArchive.MinimalChart(name, v)));
        foreach (var (version, archive) in archives)
        {
            File.WriteAllBytes(Path.Combine(directory, $"{name}-{version}.tgz"), archive);
        }

        File.WriteAllText(Path.Combine(directory, "index.yaml"),
            Text(archives.Select(a => new Entry(name, a.Key, $"{name}-{a.Key}.tgz", Convert.ToHexStringLower(SHA256.HashData(a.Value))))));
        return archives;
    }

    public static string Text(IEnumerable<Entry> entries)
    {
        var text = new StringBuilder("apiVersion: v1\nentries:\n");
        foreach (var group in entries.GroupBy(e => e.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("  ").Append(group.Key).Append(":\n");
            foreach (var entry in group)
            {
                // A block-scalar description holding "entries:" keeps a fast index reader honest.
                text.Append("  - apiVersion: v2\n    created: \"2026-12-01T10:00:00Z\"\n    description: |\n      A chart.\n      entries: not a key\n")
                    .Append("    digest: ").Append(entry.Digest).Append('\n')
                    .Append("    name: ").Append(entry.Name).Append('\n')
                    .Append("    urls:\n    - ").Append(entry.Url).Append('\n')
                    .Append("    version: ").Append(entry.Version).Append('\n');
            }
        }

        return text.Append("generated: \"2026-12-01T10:00:00Z\"\n").ToString();
    }
}
