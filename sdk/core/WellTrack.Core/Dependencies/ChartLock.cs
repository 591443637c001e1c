using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WellTrack.Templating.Charts;
using WellTrack.Templating.Serialization;

namespace WellTrack.Core.Dependencies;

/// <summary>One dependency as Chart.lock pins it: the exact version and the repository's URL.</summary>
public sealed record LockedDependency(string Name, string Version, string Repository);

/// <summary>
/// Chart.lock (requirements.lock for apiVersion v1) as Helm 3 reads and writes it. <see cref="Digest"/> is Helm's
/// <c>resolver.HashReq</c>: the sha256 of Go's <c>json.Marshal</c> of the pair [Chart.yaml's dependencies, the locked
/// ones], with <c>@name</c> references already replaced by the repository URL; it tells a lock that still matches
/// Chart.yaml from a stale one.
/// </summary>
public sealed record ChartLock(string Digest, string Generated, IReadOnlyList<LockedDependency> Dependencies)
{
    public const string FileName = "Chart.lock";

    public const string LegacyFileName = "requirements.lock";

    /// <summary>The lock file of <paramref name="chartDirectory"/> (Chart.lock, else requirements.lock), or null.</summary>
    public static string? Find(string chartDirectory)
        => new[] { FileName, LegacyFileName }.Select(n => Path.Combine(chartDirectory, n)).FirstOrDefault(File.Exists);

    /// <exception cref="FormatException">When the text is not a lock file.</exception>
    public static ChartLock Parse(string text)
    {
        Dictionary<string, object?> map;
        try
        {
            map = GoYamlLoader.LoadMap(text);
        }
        catch (YamlLoadException e)
        {
            throw new FormatException(e.Message, e);
        }

        string S(Dictionary<string, object?> m, string key) => m.TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty : string.Empty;
        var dependencies = new List<LockedDependency>();
        if (map.TryGetValue("dependencies", out var d) && d is not null)
        {
            if (d is not List<object?> list)
            {
                throw new FormatException("dependencies is not a list");
            }

            foreach (var item in list)
            {
                if (item is not Dictionary<string, object?> entry || S(entry, "name").Length == 0)
                {
                    throw new FormatException("a dependency without a name");
                }

                dependencies.Add(new LockedDependency(S(entry, "name"), S(entry, "version"), S(entry, "repository")));
            }
        }

        return new ChartLock(S(map, "digest"), S(map, "generated"), dependencies);
    }

    /// <summary>The file's text as Helm's writeLock produces it (sigs.k8s.io/yaml: keys in alphabetical order).</summary>
    public string Write()
    {
        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["dependencies"] = Dependencies.Select(d => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = d.Name,
                ["repository"] = d.Repository,
                ["version"] = d.Version,
            }).ToList(),
            ["digest"] = Digest,
            ["generated"] = Generated,
        };
        return GoYamlEmitter.Marshal(document);
    }

    /// <summary>Go's RFC 3339 with nanoseconds (trailing zeros dropped), as <c>time.Time</c> marshals.</summary>
    public static string Timestamp(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Helm's HashReq over <paramref name="requests"/> (repository references resolved to URLs) and <paramref name="locked"/>.</summary>
    public static string ComputeDigest(IReadOnlyList<ChartDependency> requests, IReadOnlyList<LockedDependency> locked)
    {
        var json = new StringBuilder("[");
        AppendArray(json, requests, AppendRequest);
        json.Append(',');
        AppendArray(json, locked, AppendLocked);
        json.Append(']');
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToString())));
    }

    private static void AppendArray<T>(StringBuilder json, IReadOnlyList<T> items, Action<StringBuilder, T> append)
    {
        json.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            append(json, items[i]);
        }

        json.Append(']');
    }

    /// <summary>chart.Dependency's JSON: fields in declaration order, <c>omitempty</c> ones left out when empty.</summary>
    private static void AppendRequest(StringBuilder json, ChartDependency d)
    {
        json.Append("{\"name\":");
        GoJson.WriteString(json, d.Name, escapeHtml: true);
        Optional(json, "version", d.Version);
        json.Append(",\"repository\":");
        GoJson.WriteString(json, d.Repository, escapeHtml: true);
        Optional(json, "condition", d.Condition);
        if (d.Tags.Count > 0)
        {
            json.Append(",\"tags\":").Append(GoJson.Marshal(d.Tags.Cast<object?>().ToList()));
        }

        if (d.Enabled)
        {
            json.Append(",\"enabled\":true");
        }

        if (d.ImportValues.Count > 0)
        {
            json.Append(",\"import-values\":").Append(GoJson.Marshal(d.ImportValues.ToList()));
        }

        Optional(json, "alias", d.Alias);
        json.Append('}');
    }

    private static void AppendLocked(StringBuilder json, LockedDependency d)
    {
        json.Append("{\"name\":");
        GoJson.WriteString(json, d.Name, escapeHtml: true);
        Optional(json, "version", d.Version);
        json.Append(",\"repository\":");
        GoJson.WriteString(json, d.Repository, escapeHtml: true);
        json.Append('}');
    }

    private static void Optional(StringBuilder json, string key, string value)
    {
        if (value.Length > 0)
        {
            json.Append(",\"").Append(key).Append("\":");
            GoJson.WriteString(json, value, escapeHtml: true);
        }
    }
}
