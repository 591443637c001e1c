using WellTrack.Templating.Semver;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Charts;

/// <summary>
/// A chart and its enabled subcharts as Helm renders them (chartutil.ProcessDependencyEnabled): subcharts found
/// in charts/ but not listed in Chart.yaml are always used; listed ones are matched by name and version range,
/// renamed by their alias, and dropped when their tags or condition say so (a condition wins over tags).
/// </summary>
internal sealed class ChartNode
{
    public ChartNode(LoadedChart chart, string name, string fullPath, bool isRoot, IReadOnlyList<(LoadedChart Chart, ChartDependency? Request)> children)
    {
        Chart = chart;
        Name = name;
        FullPath = fullPath;
        IsRoot = isRoot;
        Candidates = children;
        Values = chart.Values;
        ChartObject = chart.Metadata.ToTemplateObject(isRoot, name == chart.Metadata.Name ? null : name);
    }

    public LoadedChart Chart { get; }

    /// <summary>The chart's values as coalescing reads them: values.yaml, plus what import-values brought in.</summary>
    public Dictionary<string, object?> Values { get; set; }

    /// <summary>The chart's name in this release: its alias when the dependency gives one.</summary>
    public string Name { get; }

    /// <summary>Helm's ChartFullPath: <c>parent/charts/child</c>, the prefix of its template names.</summary>
    public string FullPath { get; }

    public bool IsRoot { get; }

    public bool IsLibrary => string.Equals(Chart.Metadata.Type, "library", StringComparison.OrdinalIgnoreCase);

    /// <summary>Subcharts before conditions and tags are applied.</summary>
    public IReadOnlyList<(LoadedChart Chart, ChartDependency? Request)> Candidates { get; }

    public List<ChartNode> Children { get; } = [];

    public GoObject ChartObject { get; }

    public static ChartNode Root(LoadedChart chart) => new(chart, chart.Metadata.Name, chart.Metadata.Name, isRoot: true, ResolveCandidates(chart));

    private static List<(LoadedChart, ChartDependency?)> ResolveCandidates(LoadedChart chart)
    {
        var requests = chart.Metadata.Dependencies;
        var result = new List<(LoadedChart, ChartDependency?)>();
        foreach (var existing in chart.Dependencies)
        {
            if (!requests.Any(r => r.Name == existing.Metadata.Name && IsCompatible(r.Version, existing.Metadata.Version)))
            {
                result.Add((existing, null));
            }
        }

        foreach (var request in requests)
        {
            var match = chart.Dependencies.FirstOrDefault(c => c.Metadata.Name == request.Name && IsCompatible(request.Version, c.Metadata.Version));
            if (match is not null)
            {
                result.Add((match, request));
            }
        }

        return result;
    }

    private static bool IsCompatible(string constraint, string version)
        => SemverConstraint.TryParse(constraint, out var c) && SemanticVersion.TryParse(version, out var v) && c.Check(v);

    /// <summary>Every node of the tree, parents before children.</summary>
    public IEnumerable<ChartNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var n in child.SelfAndDescendants())
            {
                yield return n;
            }
        }
    }

    /// <summary>Builds the enabled tree for these user values (conditions and tags read the coalesced values).</summary>
    public static ChartNode BuildEnabled(LoadedChart chart, Dictionary<string, object?> userValues)
    {
        var full = Root(chart);
        AddAllChildren(full);
        var coalesced = ValuesMerger.CoalesceTree(full, userValues);
        var tags = coalesced.TryGetValue("tags", out var t) && t is Dictionary<string, object?> tagTable ? tagTable : [];
        var root = Root(chart);
        Prune(root, coalesced, tags, string.Empty);
        ImportValues.Apply(root);
        return root;
    }

    private static void AddAllChildren(ChartNode node)
    {
        foreach (var (chart, request) in node.Candidates)
        {
            var name = request is { Alias.Length: > 0 } ? request.Alias : chart.Metadata.Name;
            var child = new ChartNode(chart, name, node.FullPath + "/charts/" + name, isRoot: false, ResolveCandidates(chart));
            node.Children.Add(child);
            AddAllChildren(child);
        }
    }

    private static void Prune(ChartNode node, Dictionary<string, object?> values, Dictionary<string, object?> tags, string path)
    {
        foreach (var (chart, request) in node.Candidates)
        {
            var name = request is { Alias.Length: > 0 } ? request.Alias : chart.Metadata.Name;
            if (request is not null && !IsEnabled(request, values, tags, path))
            {
                continue;
            }

            var child = new ChartNode(chart, name, node.FullPath + "/charts/" + name, isRoot: false, ResolveCandidates(chart));
            node.Children.Add(child);
            Prune(child, values, tags, path + name + ".");
        }
    }

    private static bool IsEnabled(ChartDependency request, Dictionary<string, object?> values, Dictionary<string, object?> tags, string path)
    {
        var enabled = true;
        bool hasTrue = false, hasFalse = false;
        foreach (var tag in request.Tags)
        {
            if (tags.TryGetValue(tag, out var v) && v is bool b)
            {
                hasTrue |= b;
                hasFalse |= !b;
            }
        }

        if (!hasTrue && hasFalse)
        {
            enabled = false;
        }

        if (request.Condition.Length > 0)
        {
            foreach (var condition in request.Condition.Split(','))
            {
                if (PathValue(values, path + condition.Trim()) is bool b)
                {
                    enabled = b;
                    break;
                }
            }
        }

        return enabled;
    }

    private static object? PathValue(Dictionary<string, object?> values, string path)
    {
        object? current = values;
        foreach (var key in path.Split('.'))
        {
            if (current is not Dictionary<string, object?> map || !map.TryGetValue(key, out current))
            {
                return null;
            }
        }

        return current;
    }
}
