using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation.Charts;

/// <summary>What the chart rules learned about a chart, for the render and object rules that follow.</summary>
internal sealed record ChartInfo(string Directory, string Name, bool IsLibrary, bool Renderable);

/// <summary>Parses one YAML file of a chart (Chart.yaml, values files) into a node; null with a diagnostic when it
/// does not parse.</summary>
internal static class ChartYaml
{
    /// <summary>Reads a file that is not part of the chart (a ci/ or -f values file) from disk, then parses it.</summary>
    public static (YamlSourceNode? Root, bool Parsed) Load(string file, DiagnosticCode code, FindingCollector findings)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            findings.Report(code, new SourceLocation(file), e.Message);
            return (null, false);
        }

        return Parse(file, text, code, findings);
    }

    /// <summary>Parses <paramref name="text"/>, read from <paramref name="file"/> (by the engine's chart loader).</summary>
    public static (YamlSourceNode? Root, bool Parsed) Parse(string file, string text, DiagnosticCode code, FindingCollector findings)
    {
        if (YamlSourceParser.TryParseResolved(text, out var error) is not { } roots)
        {
            findings.Report(code, new SourceLocation(file, error!.Line, error.Column), error.Message);
            return (null, false);
        }

        return (roots.Count == 0 ? null : roots[0], true);
    }

    public static SourceLocation At(string file, YamlSourceNode? node)
        => node is null ? new SourceLocation(file, 1, 1) : new SourceLocation(file, node.Line, node.Column);
}
