namespace WellTrack.Templating.Charts;

/// <summary>
/// Helm v3.16's import-values (chartutil.processDependencyImportValues with merge, as install runs it): deepest
/// charts first, each chart's values become its merged values (values.yaml over its enabled subcharts' sections,
/// nulls kept) with the tables its enabled dependencies export filled in underneath, so the chart's own values win.
/// A string entry <c>NAME</c> imports the child's <c>exports.NAME</c> table at the parent's top level; a map entry
/// <c>{child: a.b, parent: x.y}</c> imports the child's table <c>a.b</c> at <c>x.y</c>. Only tables can be
/// imported: a path that is missing or not a table is skipped, as Helm skips it with a warning.
/// </summary>
internal static class ImportValues
{
    public static void Apply(ChartNode node)
    {
        foreach (var child in node.Children)
        {
            Apply(child);
        }

        // Helm drops disabled dependencies from the list first; with none left there is nothing to do.
        var enabled = node.Chart.Metadata.Dependencies.Where(r => node.Children.Exists(c => c.Name == r.Key)).ToList();
        if (enabled.Count == 0)
        {
            return;
        }

        var merged = ValuesMerger.MergeTree(node, []);
        var imported = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var request in enabled)
        {
            foreach (var entry in request.ImportValues)
            {
                switch (entry)
                {
                    case Dictionary<string, object?> map when map.GetValueOrDefault("child") is string child && map.GetValueOrDefault("parent") is string parent:
                        if (Table(merged, request.Key + "." + child) is { } table)
                        {
                            ValuesMerger.MergeTables(imported, AtPath(parent, table));
                        }

                        break;
                    case string exported:
                        if (Table(merged, request.Key + ".exports." + exported) is { } exports)
                        {
                            ValuesMerger.MergeTables(imported, exports);
                        }

                        break;
                }
            }
        }

        node.Values = ValuesMerger.MergeTables((Dictionary<string, object?>)ValuesMerger.DeepCopy(merged)!, imported);
    }

    /// <summary>Values.Table: the table at a dotted path, or null when a step is missing or not a table.</summary>
    private static Dictionary<string, object?>? Table(Dictionary<string, object?> values, string path)
    {
        var table = values;
        foreach (var key in path.Split('.'))
        {
            if (!table.TryGetValue(key, out var next) || next is not Dictionary<string, object?> nextTable)
            {
                return null;
            }

            table = nextTable;
        }

        return (Dictionary<string, object?>)ValuesMerger.DeepCopy(table)!;
    }

    /// <summary>pathToMap: the table nested under a dotted path; "." is the top level itself.</summary>
    private static Dictionary<string, object?> AtPath(string path, Dictionary<string, object?> table)
    {
        if (path == ".")
        {
            return table;
        }

        var keys = path.Split('.');
        var current = table;
        for (var i = keys.Length - 1; i >= 0; i--)
        {
            current = new Dictionary<string, object?>(StringComparer.Ordinal) { [keys[i]] = current };
        }

        return current;
    }
}
