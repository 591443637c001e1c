using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation;

/// <summary>
/// Where a position of rendered text came from: a file position (a template line, or a values file line when the
/// text was produced from a value) and, when the renderer knows it, the values path that produced it.
/// </summary>
public sealed record SourceMapping(SourceLocation Location, string? ValuesPath = null);

/// <summary>
/// One rendered manifest (the output of one template file; it may hold several YAML documents separated by
/// <c>---</c>). <paramref name="MapToSource"/> maps a 1-based line and column of <paramref name="Text"/> back to where
/// the text came from; null means positions are in <paramref name="TemplatePath"/> itself (pre-rendered manifests).
/// </summary>
/// <param name="TemplatePath">Repository-relative path of the template, e.g. <c>charts/x/templates/deployment.yaml</c>.</param>
public sealed record RenderedDocument(string TemplatePath, string Text, Func<int, int, SourceMapping?>? MapToSource = null)
{
    /// <summary>The source position of a position in <see cref="Text"/>.</summary>
    public SourceMapping Map(int line, int column)
        => MapToSource?.Invoke(line, column) ?? new SourceMapping(new SourceLocation(TemplatePath, line, column));
}

/// <summary>What rendering a chart with one set of values produced: the documents and the renderer's own diagnostics
/// (template parse and execution errors, WT4xxx). Documents may be partial when an error occurred.</summary>
public sealed record ChartRenderOutcome(IReadOnlyList<RenderedDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static ChartRenderOutcome Empty { get; } = new([], []);

    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Renders a chart the way <c>helm template</c> does. Implemented by the WellTrack.Templating engine; tests and tools
/// may supply pre-rendered manifests instead (<see cref="PreRenderedChartRenderer"/>). Called once per chart and
/// values variant; concurrently for different charts only when <see cref="ValidationSettings.MaxDegreeOfParallelism"/>
/// is above 1.
/// </summary>
public interface IChartRenderer
{
    /// <param name="chartDirectory">The chart's directory (absolute or relative to the current directory).</param>
    /// <param name="extraValuesFiles">Values files applied over the chart's values.yaml, in order (like <c>-f</c>).</param>
    /// <param name="settings">Release name, namespace and Kubernetes version to render for.</param>
    ChartRenderOutcome Render(string chartDirectory, IReadOnlyList<string> extraValuesFiles, ValidationSettings settings);
}
