namespace WellTrack.Templating.Charts;

/// <summary>
/// Helm's value layering: -f files merged in order (maps merge, later scalars win), then --set, then each chart's
/// values.yaml coalesced underneath (subcharts under their section, globals flowing down); a user null deletes the
/// key the chart defines and stays a null where the chart defines nothing (Helm v3.16; v4 deletes that one too).
/// </summary>
public static class ValuesMerger
{
    public static Dictionary<string, object?> MergeMaps(Dictionary<string, object?> a, Dictionary<string, object?> b)
    {
        var result = new Dictionary<string, object?>(a, StringComparer.Ordinal);
        foreach (var (k, v) in b)
        {
            if (v is Dictionary<string, object?> vm && result.TryGetValue(k, out var existing) && existing is Dictionary<string, object?> em)
            {
                result[k] = MergeMaps(em, vm);
                continue;
            }

            result[k] = v;
        }

        return result;
    }

    /// <summary>
    /// chartutil.CoalesceValues over a chart tree: each chart's values.yaml goes under the values given for it,
    /// the parent's <c>global</c> table is copied into each subchart's, and a subchart's section is coalesced
    /// with the subchart's own values.yaml.
    /// </summary>
    internal static Dictionary<string, object?> CoalesceTree(ChartNode root, Dictionary<string, object?> user)
        => CoalesceNode(root, (Dictionary<string, object?>)DeepCopy(user)!, merge: false);

    /// <summary>chartutil.MergeValues: as <see cref="CoalesceTree"/> but nulls are kept (import-values reads this).</summary>
    internal static Dictionary<string, object?> MergeTree(ChartNode root, Dictionary<string, object?> user)
        => CoalesceNode(root, (Dictionary<string, object?>)DeepCopy(user)!, merge: true);

    /// <summary>chartutil.MergeTables: src fills in what dst lacks, tables merged, dst wins, nulls kept.</summary>
    internal static Dictionary<string, object?> MergeTables(Dictionary<string, object?> dst, Dictionary<string, object?> src)
    {
        CoalesceTablesFullKey(dst, src, merge: true);
        return dst;
    }

    /// <summary>
    /// One chart's values as Helm layers them, for a reader that has no chart tree (the validator's schema check):
    /// the -f files merged in order, then the chart's values.yaml coalesced underneath. Nothing given is changed.
    /// </summary>
    public static Dictionary<string, object?> CoalesceChartValues(Dictionary<string, object?> chartValues, IEnumerable<Dictionary<string, object?>> valueFiles)
    {
        var user = valueFiles.Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal), MergeMaps);
        return CoalesceValues(chartValues, (Dictionary<string, object?>)DeepCopy(user)!, merge: false);
    }

    private static Dictionary<string, object?> CoalesceNode(ChartNode node, Dictionary<string, object?> dest, bool merge)
    {
        CoalesceValues(node.Values, dest, merge);
        foreach (var child in node.Children)
        {
            if (!dest.TryGetValue(child.Name, out var section))
            {
                dest[child.Name] = section = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            if (section is not Dictionary<string, object?> sectionMap)
            {
                throw new ChartLoadException($"type mismatch on {child.Name}: %!t({Values.GoTypes.TypeName(section)}={Values.GoFormatter.FormatValue(section)})");
            }

            CoalesceGlobals(sectionMap, dest);
            dest[child.Name] = CoalesceNode(child, sectionMap, merge);
        }

        return dest;
    }

    /// <summary>chartutil.coalesceValues for one chart: its values.yaml (copied) under <paramref name="dest"/>.</summary>
    private static Dictionary<string, object?> CoalesceValues(Dictionary<string, object?> chartValues, Dictionary<string, object?> dest, bool merge)
    {
        foreach (var (key, val) in (Dictionary<string, object?>)DeepCopy(chartValues)!)
        {
            if (dest.TryGetValue(key, out var value))
            {
                if (value is null && !merge)
                {
                    dest.Remove(key);
                }
                else if (value is Dictionary<string, object?> d && val is Dictionary<string, object?> src)
                {
                    // As in Helm v3.16, a null inside a subchart's section is removed here already when the parent's
                    // values.yaml sets that key, so the subchart's own default comes back in its pass.
                    CoalesceTablesFullKey(d, src, merge);
                }
            }
            else
            {
                dest[key] = val;
            }
        }

        return dest;
    }

    /// <summary>
    /// chartutil.coalesceTablesFullKey: src fills in what dst lacks; a null in dst removes a key src has (unless
    /// merging), and only such a key: Helm v3.16 walks src's keys, so a null for a key src lacks stays.
    /// </summary>
    private static void CoalesceTablesFullKey(Dictionary<string, object?> dst, Dictionary<string, object?> src, bool merge)
    {
        foreach (var (key, val) in src)
        {
            if (dst.TryGetValue(key, out var dv))
            {
                if (!merge && dv is null)
                {
                    dst.Remove(key);
                }
                else if (val is Dictionary<string, object?> sv && dv is Dictionary<string, object?> dm)
                {
                    CoalesceTablesFullKey(dm, sv, merge);
                }
            }
            else
            {
                dst[key] = val;
            }
        }
    }

    /// <summary>chartutil.coalesceGlobals: the parent's globals are copied into the subchart's, tables merged top-down.</summary>
    private static void CoalesceGlobals(Dictionary<string, object?> dest, Dictionary<string, object?> src)
    {
        Dictionary<string, object?> dg;
        if (!dest.TryGetValue("global", out var destGlobal))
        {
            dg = new Dictionary<string, object?>(StringComparer.Ordinal);
        }
        else if (destGlobal is Dictionary<string, object?> existing)
        {
            dg = existing;
        }
        else
        {
            return;
        }

        Dictionary<string, object?> sg;
        if (!src.TryGetValue("global", out var srcGlobal))
        {
            sg = new Dictionary<string, object?>(StringComparer.Ordinal);
        }
        else if (srcGlobal is Dictionary<string, object?> s)
        {
            sg = s;
        }
        else
        {
            return;
        }

        foreach (var (key, val) in sg)
        {
            if (val is Dictionary<string, object?> table)
            {
                var copy = (Dictionary<string, object?>)DeepCopy(table)!;
                if (!dg.TryGetValue(key, out var destValue))
                {
                    dg[key] = copy;
                }
                else if (destValue is Dictionary<string, object?> destMap)
                {
                    CoalesceTablesFullKey(copy, destMap, merge: true);
                    dg[key] = copy;
                }
            }
            else if (!(dg.TryGetValue(key, out var dv) && dv is Dictionary<string, object?>))
            {
                dg[key] = val;
            }
        }

        dest["global"] = dg;
    }

    public static object? DeepCopy(object? v) => v switch
    {
        Dictionary<string, object?> m => m.ToDictionary(kv => kv.Key, kv => DeepCopy(kv.Value), StringComparer.Ordinal),
        List<object?> l => l.Select(DeepCopy).ToList(),
        _ => v,
    };
}
