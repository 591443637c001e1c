using System.Text;

namespace WellTrack.Core.Validation;

/// <summary>
/// An <see cref="IChartRenderer"/> over manifests rendered elsewhere (<c>helm template</c> output, checked-in
/// fixtures): a function returns the text for a chart and its values files, split here into one document per
/// <c># Source:</c> comment. Positions stay in the rendered text (no source map).
/// </summary>
public sealed class PreRenderedChartRenderer : IChartRenderer
{
    private readonly Func<string, IReadOnlyList<string>, string?> _output;

    /// <param name="output">Rendered text for a chart directory and its extra values files; null when there is none
    /// (the chart is then reported as rendering nothing).</param>
    public PreRenderedChartRenderer(Func<string, IReadOnlyList<string>, string?> output)
    {
        _output = output;
    }

    public ChartRenderOutcome Render(string chartDirectory, IReadOnlyList<string> extraValuesFiles, ValidationSettings settings)
    {
        var text = _output(chartDirectory, extraValuesFiles);
        return text is null ? ChartRenderOutcome.Empty : new ChartRenderOutcome(Split(text, chartDirectory), []);
    }

    /// <summary>Splits <c>helm template</c> output into documents; <c># Source: chart/templates/x.yaml</c> names each
    /// one's template, resolved against <paramref name="chartDirectory"/>.</summary>
    public static IReadOnlyList<RenderedDocument> Split(string helmOutput, string chartDirectory)
    {
        var documents = new List<RenderedDocument>();
        var lines = helmOutput.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? source = null;
        var body = new StringBuilder();

        void Flush()
        {
            if (body.ToString().Trim().Length > 0)
            {
                documents.Add(new RenderedDocument(source ?? chartDirectory, body.ToString()));
            }

            body.Clear();
            source = null;
        }

        foreach (var line in lines)
        {
            if (line == "---" || line.StartsWith("--- ", StringComparison.Ordinal))
            {
                Flush();
                continue;
            }

            if (line.StartsWith("# Source: ", StringComparison.Ordinal) && body.Length == 0)
            {
                var name = line["# Source: ".Length..].Trim();
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                source = slash < 0 ? name : Path.Combine(chartDirectory, name[(slash + 1)..]).Replace('\\', '/');
                continue;
            }

            body.Append(line).Append('\n');
        }

        Flush();
        return documents;
    }
}
