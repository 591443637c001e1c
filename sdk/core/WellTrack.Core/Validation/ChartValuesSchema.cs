using WellTrack.Templating.Charts;

namespace WellTrack.Core.Validation;

/// <summary>values.schema.json checks for renders outside validation (<c>welltrack template</c>), as Helm makes them.</summary>
public static class ChartValuesSchema
{
    /// <summary>For <see cref="RenderOptions.ValuesSchemaValidator"/>: every chart of the release, Helm's draft semantics.</summary>
    public static ValuesSchemaValidator Validator() => Charts.ValuesSchema.Validator(includeRoot: true);
}
