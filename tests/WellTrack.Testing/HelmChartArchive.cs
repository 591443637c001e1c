using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace WellTrack.Testing;

/// <summary>
/// Charts written by tests and packaged as <c>helm package</c> does: a gzipped tar whose entries are all under
/// <c>NAME/</c> (the chart's name, whatever the directory is called).
/// </summary>
public static class HelmChartArchive
{
    /// <summary>A minimal valid chart (Chart.yaml, values.yaml, one ConfigMap template) as files.</summary>
    public static IReadOnlyDictionary<string, string> MinimalChart(string name, string version, string? appVersion = null) => new Dictionary<string, string>
    {
        ["Chart.yaml"] = $"""
            apiVersion: v2
            name: {name}
            version: {version}
            {(appVersion is null ? string.Empty : $"appVersion: \"{appVersion}\"")}
            description: A chart written by a test
            type: application
            """,
        ["values.yaml"] = "greeting: hello\n",
        ["templates/configmap.yaml"] = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-{{ .Chart.Name }}
            data:
              greeting: {{ .Values.greeting | quote }}
              version: {{ .Chart.Version | quote }}
            """,
    };

    /// <summary>The <c>.tgz</c> of chart <paramref name="name"/> made of <paramref name="files"/> (paths relative to the chart).</summary>
    public static byte[] Pack(string name, IReadOnlyDictionary<string, string> files)
    {
        using var archive = new MemoryStream();
        using (var gzip = new GZipStream(archive, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"{name}/{path}")
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                });
            }
        }

        return archive.ToArray();
    }

    /// <summary>The <c>.tgz</c> of the chart directory <paramref name="directory"/>, named <paramref name="name"/>.</summary>
    public static byte[] PackDirectory(string name, string directory)
        => Pack(name, Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText));
}
