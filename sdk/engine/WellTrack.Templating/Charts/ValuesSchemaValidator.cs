namespace WellTrack.Templating.Charts;

/// <summary>
/// Checks one chart's values against its <c>values.schema.json</c> (see <see cref="RenderOptions.ValuesSchemaValidator"/>).
/// Returns one line per violation, "path: what is wrong" (Helm prints each after "- "); empty when the values conform.
/// </summary>
/// <param name="chartPath">Helm's full path of the chart in the release: <c>parent</c>, <c>parent/charts/child</c>.</param>
/// <param name="schema">The text of the chart's values.schema.json.</param>
/// <param name="values">The chart's coalesced values (a subchart's section of its parent's, with globals).</param>
public delegate IReadOnlyList<string> ValuesSchemaValidator(string chartPath, string schema, IReadOnlyDictionary<string, object?> values);
