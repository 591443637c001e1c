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

    /// <summary>
    /// A large index of the usual shape (about 15 MB for 420 charts of 100 versions): chart0 to chartN-1, versions
    /// 1.0.0 to 1.(V-1).0 in ascending order, with the annotations and descriptions real repositories carry.
    /// </summary>
    public static string Synthetic(int charts = 420, int versionsPerChart = 100)
    {
        var text = new StringBuilder("apiVersion: v1\nentries:\n");
        for (var chart = 0; chart < charts; chart++)
        {
            text.Append("  chart").Append(chart).Append(":\n");
            for (var version = 0; version < versionsPerChart; version++)
            {
                text.Append("  - annotations:\n      category: Database\n    apiVersion: v2\n    created: \"2026-01-01T00:00:00Z\"\n    description: A chart with a description long enough to make the index realistic in size.\n")
                    .Append("    digest: ").Append(new string('a', 64)).Append('\n')
                    .Append("    name: chart").Append(chart).Append("\n    urls:\n    - https://charts.example.test/chart").Append(chart).Append("-1.").Append(version).Append(".0.tgz\n")
                    .Append("    version: 1.").Append(version).Append(".0\n");
            }
        }

        return text.ToString();
    }
}
