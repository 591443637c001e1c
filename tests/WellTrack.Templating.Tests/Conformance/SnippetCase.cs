using System.Text;

namespace WellTrack.Templating.Tests.Conformance;

/// <summary>
/// One single-template case from a <c>.cases</c> file (format in eng/goldens/conformance.py). It renders
/// as a chart named <c>c</c> whose <c>templates/t.yaml</c> prints the snippet through include and toJson, so any
/// output is one valid YAML document; the regeneration script builds the very same chart for the oracle.
/// </summary>
public sealed record SnippetCase(string Group, string Name, string Values, IReadOnlyList<string> Sets, string Body)
{
    public override string ToString() => $"{Group}/{Name}";

    public Dictionary<string, byte[]> ChartFiles() => new(StringComparer.Ordinal)
    {
        ["Chart.yaml"] = Encoding.UTF8.GetBytes("apiVersion: v2\nname: c\nversion: 0.1.0\n"),
        ["values.yaml"] = Encoding.UTF8.GetBytes(Values),
        ["templates/_snippet.tpl"] = Encoding.UTF8.GetBytes("{{ define \"snippet\" }}" + Body + "{{ end }}"),
        ["templates/t.yaml"] = Encoding.UTF8.GetBytes("out: {{ include \"snippet\" . | toJson }}\n"),
    };

    public static IEnumerable<SnippetCase> Parse(string group, string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        string? name = null;
        var block = new List<string>();
        foreach (var line in lines.Append("### "))
        {
            if (!line.StartsWith("### ", StringComparison.Ordinal))
            {
                block.Add(line);
                continue;
            }

            if (name is not null)
            {
                yield return Build(group, name, block);
            }

            name = line[4..].Trim();
            block = [];
        }
    }

    private static SnippetCase Build(string group, string name, List<string> block)
    {
        var values = new List<string>();
        var sets = new List<string>();
        var i = 0;
        for (; i < block.Count; i++)
        {
            if (block[i].StartsWith("#values:", StringComparison.Ordinal))
            {
                var v = block[i]["#values:".Length..];
                values.Add(v.StartsWith(' ') ? v[1..] : v);
            }
            else if (block[i].StartsWith("#set:", StringComparison.Ordinal))
            {
                sets.Add(block[i]["#set:".Length..].Trim());
            }
            else
            {
                break;
            }
        }

        var valuesText = values.Count > 0 ? string.Join('\n', values) + "\n" : string.Empty;
        return new SnippetCase(group, name, valuesText, sets, string.Join('\n', block.Skip(i)));
    }
}
