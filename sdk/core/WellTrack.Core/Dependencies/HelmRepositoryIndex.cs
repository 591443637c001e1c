using System.Globalization;
using WellTrack.Templating.Semver;
using WellTrack.Templating.Serialization;

namespace WellTrack.Core.Dependencies;

/// <summary>One version of a chart in a repository's index.yaml.</summary>
internal sealed record IndexEntry(string Version, string? Digest, IReadOnlyList<string> Urls);

/// <summary>
/// Reads one chart's versions out of a classic repository's index.yaml. Public indexes are large (Bitnami's is about
/// 15 MB, tens of thousands of versions) and a resolution needs one entry of it: the index's lines are scanned for
/// the chart's key under <c>entries:</c> and only that block is parsed as YAML. An index in another layout (JSON, flow
/// style) is parsed whole.
/// </summary>
internal static class HelmRepositoryIndex
{
    /// <summary>The chart's versions, highest first (as Helm sorts them); null when the index has no such chart.</summary>
    /// <exception cref="FormatException">When the index, or the chart's entry, is not what Helm reads.</exception>
    public static IReadOnlyList<IndexEntry>? Versions(string index, string chart)
    {
        var block = FindBlock(index, chart, out var layoutKnown);
        object? entries;
        if (layoutKnown)
        {
            if (block is null)
            {
                return null;
            }

            entries = Load(block).GetValueOrDefault(chart);
        }
        else
        {
            var document = Load(index);
            if (document.GetValueOrDefault("entries") is not Dictionary<string, object?> all)
            {
                throw new FormatException(document.ContainsKey("apiVersion") ? "no entries" : "not a repository index (no apiVersion, no entries)");
            }

            if (!all.TryGetValue(chart, out entries))
            {
                return null;
            }
        }

        if (entries is not List<object?> list)
        {
            throw new FormatException($"the entry of '{chart}' is not a list of versions");
        }

        var versions = new List<(SemanticVersion? Parsed, IndexEntry Entry)>();
        foreach (var item in list)
        {
            if (item is not Dictionary<string, object?> map)
            {
                throw new FormatException($"a version of '{chart}' is not a mapping");
            }

            var version = Convert.ToString(map.GetValueOrDefault("version"), CultureInfo.InvariantCulture) ?? string.Empty;
            var urls = map.GetValueOrDefault("urls") is List<object?> u ? u.OfType<string>().ToList() : [];
            // A digest YAML reads as a number is kept as text: it then fails verification instead of skipping it.
            var digest = map.GetValueOrDefault("digest") is { } d ? Convert.ToString(d, CultureInfo.InvariantCulture) : null;
            versions.Add((SemanticVersion.TryParse(version, out var parsed) ? parsed : null, new IndexEntry(version, digest, urls)));
        }

        // Helm's IndexFile.SortEntries: newest first; an unparsable version sorts last and is never chosen.
        return versions
            .OrderByDescending(v => v.Parsed is not null)
            .ThenByDescending(v => v.Parsed)
            .Select(v => v.Entry)
            .ToList();
    }

    private static Dictionary<string, object?> Load(string text)
    {
        try
        {
            return GoYamlLoader.LoadMap(text);
        }
        catch (YamlLoadException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    /// <summary>
    /// The lines of <c>entries.&lt;chart&gt;</c>, dedented into a document of their own; null when <c>entries:</c> has
    /// no such key. <paramref name="layoutKnown"/> is false when the index is not block YAML with a top-level
    /// <c>entries:</c> line (then the caller parses it whole).
    /// </summary>
    private static string? FindBlock(string index, string chart, out bool layoutKnown)
    {
        layoutKnown = false;
        var span = index.AsSpan();
        var start = FindEntriesLine(span);
        if (start < 0)
        {
            return null;
        }

        var indent = -1;
        var blockStart = -1;
        var position = start;
        while (position < span.Length)
        {
            var end = span[position..].IndexOf('\n');
            var lineEnd = end < 0 ? span.Length : position + end;
            var line = span[position..lineEnd].TrimEnd('\r');
            var next = lineEnd + 1;
            var content = line.TrimStart(' ');
            if (content.IsEmpty || content[0] == '#')
            {
                position = next;
                continue;
            }

            var lineIndent = line.Length - content.Length;
            if (content[0] == '\t' || (indent < 0 && lineIndent == 0))
            {
                // Tabs, or an empty entries mapping followed by another key: leave it to the full parser.
                return blockStart < 0 ? null : index[blockStart..position];
            }

            indent = indent < 0 ? lineIndent : indent;
            var isKey = lineIndent == indent && !content.StartsWith("- ") && content is not "-";
            if (blockStart >= 0 && (lineIndent < indent || isKey))
            {
                layoutKnown = true;
                return Dedent(index[blockStart..position], indent);
            }

            if (lineIndent < indent)
            {
                layoutKnown = true;
                return null;
            }

            if (isKey && KeyOf(content) is { } key && key == chart)
            {
                blockStart = position;
            }

            position = next;
        }

        layoutKnown = indent >= 0;
        return blockStart < 0 ? null : Dedent(index[blockStart..], indent);
    }

    /// <summary>Offset of the line after a top-level <c>entries:</c> line, or -1.</summary>
    private static int FindEntriesLine(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOf("entries:", StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            var at = offset + found;
            var after = at + "entries:".Length;
            var lineEnd = text[after..].IndexOf('\n');
            var rest = lineEnd < 0 ? text[after..] : text[after..(after + lineEnd)];
            if ((at == 0 || text[at - 1] == '\n') && rest.Trim().IsEmpty)
            {
                return lineEnd < 0 ? text.Length : after + lineEnd + 1;
            }

            offset = after;
        }

        return -1;
    }

    private static string? KeyOf(ReadOnlySpan<char> content)
    {
        var colon = content.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        var key = content[..colon].Trim();
        return key.Length >= 2 && key[0] is '"' or '\'' && key[^1] == key[0] ? key[1..^1].ToString() : key.ToString();
    }

    private static string Dedent(string block, int indent)
    {
        if (indent == 0)
        {
            return block;
        }

        var lines = block.Split('\n');
        return string.Join('\n', lines.Select(l => l.Length >= indent && l.AsSpan(0, indent).IsWhiteSpace() ? l[indent..] : l.TrimStart(' ')));
    }
}
