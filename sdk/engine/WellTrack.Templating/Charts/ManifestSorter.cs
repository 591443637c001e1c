using System.Text.RegularExpressions;
using WellTrack.Templating.Execution;
using WellTrack.Templating.Serialization;

namespace WellTrack.Templating.Charts;

/// <summary>One rendered Kubernetes document and the template it came from.</summary>
public sealed record RenderedManifest(string SourceTemplate, string Content, string Kind, bool IsHook)
{
    /// <summary>Where each position of <see cref="Content"/> came from; set when rendered with <see cref="RenderOptions.RecordSourceMap"/>.</summary>
    public TemplateSourceMap? SourceMap { get; init; }
}

/// <summary>
/// Helm's releaseutil: splits rendered templates into documents, reads each head (apiVersion, kind, metadata),
/// separates hooks, and orders documents by Helm v3's install order of kinds (unknown kinds last by name).
/// </summary>
public static partial class ManifestSorter
{
    private static readonly string[] InstallOrder =
    [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
        "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
        "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
    ];

    /// <summary>The fields of Helm's SimpleHead.</summary>
    private static readonly HashSet<string> HeadKeys = ["apiVersion", "kind", "metadata"];

    private static readonly HashSet<string> HookEvents =
    [
        "pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade", "pre-rollback",
        "post-rollback", "test", "test-success",
    ];

    /// <summary>Splits and orders documents; unknown hook events are dropped as Helm drops them.</summary>
    /// <exception cref="ManifestException">A document whose head is not valid YAML, worded as Helm's.</exception>
    public static List<RenderedManifest> Sort(IReadOnlyDictionary<string, string> rendered) => Sort(rendered, null);

    /// <summary>As <see cref="Sort(IReadOnlyDictionary{string, string})"/>, each document keeping its slice of its template's origins.</summary>
    internal static List<RenderedManifest> Sort(IReadOnlyDictionary<string, string> rendered, IReadOnlyDictionary<string, List<OutputSegment>>? maps)
    {
        var generic = new List<RenderedManifest>();
        var hooks = new List<RenderedManifest>();
        foreach (var path in rendered.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var content = rendered[path];
            if (path[(path.LastIndexOf('/') + 1)..].StartsWith('_') || string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            var segments = maps is not null && maps.TryGetValue(path, out var found) ? found : null;
            foreach (var (offset, doc) in segments is null ? Split(content).Select(d => (0, d)) : SplitWithOffsets(content))
            {
                var (kind, hook) = ReadHead(path, doc);
                TemplateSourceMap? map = null;
                if (segments is not null)
                {
                    var slice = new List<OutputSegment>();
                    OutputSegments.CopySlice(segments, offset, doc.Length, slice, 0);
                    map = new TemplateSourceMap(doc, slice);
                }

                if (hook is null)
                {
                    generic.Add(new RenderedManifest(path, doc, kind, false) { SourceMap = map });
                }
                else if (hook.Split(',').All(h => HookEvents.Contains(h.Trim().ToLowerInvariant())))
                {
                    hooks.Add(new RenderedManifest(path, doc, kind, true) { SourceMap = map });
                }
            }
        }

        return [.. SortByKind(generic), .. SortByKind(hooks)];
    }

    private static IEnumerable<string> Split(string big)
    {
        foreach (var d in DocSeparator().Split(big.Trim()))
        {
            if (d.Length > 0)
            {
                yield return d.Trim();
            }
        }
    }

    /// <summary>The documents of <see cref="Split"/>, each with its offset in <paramref name="big"/>.</summary>
    private static IEnumerable<(int Offset, string Doc)> SplitWithOffsets(string big)
    {
        var trimmed = big.Trim();
        var lead = big.Length - big.TrimStart().Length;
        var from = 0;
        foreach (var piece in DocSeparator().Matches(trimmed).Select(m => (m.Index, m.Length)).Append((Index: trimmed.Length, Length: 0)))
        {
            var d = trimmed[from..piece.Index];
            if (d.Length > 0)
            {
                yield return (lead + from + (d.Length - d.TrimStart().Length), d.Trim());
            }

            from = piece.Index + piece.Length;
        }
    }

    /// <summary>
    /// Heads of documents seen before, by document text: repeated renders of a chart mostly produce the same
    /// documents, and reading a head means parsing the whole document. Bounded; emptied when full.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Kind, string? Hook)> HeadCache = new(StringComparer.Ordinal);

    private const int HeadCacheLimit = 4096;

    private static (string Kind, string? Hook) ReadHead(string path, string doc)
    {
        if (HeadCache.TryGetValue(doc, out var cached))
        {
            return cached;
        }

        var head = ReadHeadUncached(path, doc);
        if (HeadCache.Count >= HeadCacheLimit)
        {
            HeadCache.Clear();
        }

        HeadCache[doc] = head;
        return head;
    }

    private static (string Kind, string? Hook) ReadHeadUncached(string path, string doc)
    {
        (bool IsMap, object? Document, Dictionary<string, object?> Selected) head;
        try
        {
            head = GoYamlLoader.LoadTopLevel(doc, HeadKeys);
        }
        catch (YamlLoadException e)
        {
            throw new ManifestException($"YAML parse error on {path}: {e.Message}", path, e.Line, e.Column);
        }

        if (!head.IsMap && head.Document is null)
        {
            return (string.Empty, null);
        }

        var map = head.Selected;
        if (!head.IsMap)
        {
            var jsonKind = head.Document switch { List<object?> => "array", string => "string", bool => "bool", _ => "number" };
            throw new ManifestException($"YAML parse error on {path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {jsonKind} into Go value of type main.SimpleHead", path);
        }

        var kind = FieldString(path, map, "kind", "SimpleHead.kind");
        FieldString(path, map, "apiVersion", "SimpleHead.apiVersion");
        if (!map.TryGetValue("metadata", out var metadata) || metadata is not Dictionary<string, object?> md)
        {
            return (kind, null);
        }

        if (!md.TryGetValue("annotations", out var annotations) || annotations is not Dictionary<string, object?> ann)
        {
            return (kind, null);
        }

        return (kind, ann.TryGetValue("helm.sh/hook", out var hook) ? hook as string ?? string.Empty : null);
    }

    private static string FieldString(string path, Dictionary<string, object?> map, string key, string field)
    {
        if (!map.TryGetValue(key, out var v) || v is null)
        {
            return string.Empty;
        }

        if (v is string s)
        {
            return s;
        }

        if (JsonTargetString.TryConvert(v, out var converted))
        {
            return converted;
        }

        var jsonKind = v switch { List<object?> => "array", Dictionary<string, object?> => "object", bool => "bool", _ => "number" };
        throw new ManifestException($"YAML parse error on {path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {jsonKind} into Go struct field {field} of type string", path);
    }

    private static List<RenderedManifest> SortByKind(List<RenderedManifest> manifests)
    {
        int Rank(string kind)
        {
            var i = Array.IndexOf(InstallOrder, kind);
            return i < 0 ? int.MaxValue : i;
        }

        // OrderBy is stable, as Helm's sort.SliceStable.
        return manifests
            .OrderBy(m => Rank(m.Kind))
            .ThenBy(m => Rank(m.Kind) == int.MaxValue ? m.Kind : string.Empty, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex("(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*")]
    private static partial Regex DocSeparator();
}

/// <summary>A rendered document Helm could not read.</summary>
public sealed class ManifestException(string message, string? file = null, int line = 0, int column = 0)
    : LocatedException(message, file, line, column);
