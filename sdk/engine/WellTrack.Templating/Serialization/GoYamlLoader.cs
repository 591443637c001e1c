using System.Globalization;
using WellTrack.Templating.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WellTrack.Templating.Serialization;

/// <summary>
/// Reads YAML the way Helm does (sigs.k8s.io/yaml Unmarshal into interface{}): yaml.v2's YAML 1.1 scalar rules,
/// then a JSON round trip, so every number is a float64, map keys become strings, timestamps stay strings and
/// merge keys (&lt;&lt;) are applied. Only the first document is read.
/// </summary>
public static class GoYamlLoader
{
    /// <summary>Parses YAML text; an empty document is null.</summary>
    /// <exception cref="YamlLoadException">With the line and column of the problem.</exception>
    public static object? Load(string text)
    {
        try
        {
            var parser = new Parser(new StringReader(BlockScalarLeadingLines.Normalize(text)));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return null;
            }

            var anchors = new Dictionary<string, object?>(StringComparer.Ordinal);
            var value = ReadNode(parser, anchors);
            ThrowIfNotJson(value);
            return value;
        }
        catch (YamlException e)
        {
            throw ToLoadException(e, text);
        }
    }

    /// <summary>
    /// go-yaml's wording of a YamlDotNet exception. go-yaml reports scanner problems at their 1-based line and parser
    /// problems at the 0-based line of the offending token (libyaml's marks are 0-based and only the scanner path adds
    /// one), and leaves out a line 0. YamlDotNet classifies a few scanner problems as parser ones and marks a tab in
    /// indentation at the enclosing mapping, so those are placed from the text.
    /// </summary>
    private static YamlLoadException ToLoadException(YamlException e, string text)
    {
        var problem = LibyamlProblem(e.Message);
        // libyaml's scanner finds these; YamlDotNet's parser does.
        var scanner = e is SyntaxErrorException || problem is "mapping values are not allowed in this context" or "block sequence entries are not allowed in this context";
        int line;
        if (e.Message.Contains("invalid tab as indentation", StringComparison.OrdinalIgnoreCase))
        {
            line = LineWithTabIndent(text, (int)e.Start.Line);
        }
        else if (scanner)
        {
            var zeroBased = (int)(e is SyntaxErrorException ? e.End.Line : e.Start.Line) - 1;
            line = zeroBased == 0 ? 0 : zeroBased + 1;
        }
        else
        {
            line = (int)e.Start.Line - 1;
        }

        var where = line > 0 ? $"line {line}: " : string.Empty;
        return new YamlLoadException($"error converting YAML to JSON: yaml: {where}{problem}", (int)e.Start.Line, (int)e.Start.Column);
    }

    private static int LineWithTabIndent(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(fromLine - 1, 0); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t'))
            {
                return i + 1;
            }
        }

        return fromLine;
    }

    /// <summary>YamlDotNet words libyaml's problems as "While parsing X, problem."; go-yaml prints just the problem.</summary>
    private static string LibyamlProblem(string message)
    {
        var text = message.TrimEnd('.');
        if (text.StartsWith("While ", StringComparison.Ordinal) && text.IndexOf(", ", StringComparison.Ordinal) is var comma and > 0)
        {
            text = text[(comma + 2)..];
        }

        if (text.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase) || text.Contains("Mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
        {
            return "mapping values are not allowed in this context";
        }

        if (text.Contains("invalid tab as indentation", StringComparison.OrdinalIgnoreCase))
        {
            return "found character that cannot start any token";
        }

        if (text.Contains("containing disallowed", StringComparison.OrdinalIgnoreCase))
        {
            // An anchor or alias without a name.
            return "did not find expected alphabetic or numeric character";
        }

        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>
    /// Reads only some top-level keys of a document that must be a mapping (a manifest's apiVersion, kind and
    /// metadata), skipping the rest without building it, yet still failing on any syntax error as a full read
    /// would. Returns the document itself when it is not a mapping.
    /// </summary>
    /// <exception cref="YamlLoadException">With the line and column of the problem.</exception>
    public static (bool IsMap, object? Document, Dictionary<string, object?> Selected) LoadTopLevel(string text, IReadOnlySet<string> keys)
    {
        try
        {
            var parser = new Parser(new StringReader(BlockScalarLeadingLines.Normalize(text)));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return (false, null, []);
            }

            if (parser.Current is not MappingStart)
            {
                return (false, ReadNode(parser, new Dictionary<string, object?>(StringComparer.Ordinal)), []);
            }

            var anchors = new Dictionary<string, object?>(StringComparer.Ordinal);
            parser.Consume<MappingStart>();
            var selected = new Dictionary<string, object?>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Current is Scalar { Value: var key, Style: var style } && keys.Contains(key) && (style != ScalarStyle.Plain || YamlScalarResolver.Resolve(key).Kind == YamlScalarKind.String))
                {
                    parser.MoveNext();
                    try
                    {
                        selected[key] = ReadNode(parser, anchors);
                    }
                    catch (YamlLoadException e) when (e.Message.Contains("unknown anchor", StringComparison.Ordinal))
                    {
                        // An anchor defined inside a skipped value: read the whole document instead.
                        var full = Load(text) as Dictionary<string, object?> ?? [];
                        return (true, full, full.Where(kv => keys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
                    }

                    continue;
                }

                if (parser.Current is AnchorAlias || (parser.Current is NodeEvent { Anchor.IsEmpty: false }))
                {
                    // Anchors may be used by the selected keys: take the slow, complete path.
                    var full = Load(text) as Dictionary<string, object?> ?? [];
                    return (true, full, full.Where(kv => keys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
                }

                parser.SkipThisAndNestedEvents();
                if (parser.Current is AnchorAlias || (parser.Current is NodeEvent { Anchor.IsEmpty: false }))
                {
                    var full = Load(text) as Dictionary<string, object?> ?? [];
                    return (true, full, full.Where(kv => keys.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
                }

                parser.SkipThisAndNestedEvents();
            }

            // The rest of the stream must parse too, as a full read would.
            while (parser.MoveNext())
            {
            }

            return (true, null, selected);
        }
        catch (YamlException e)
        {
            throw ToLoadException(e, text);
        }
    }

    /// <summary>Parses a YAML map (values.yaml, Chart.yaml); an empty document is an empty map.</summary>
    public static Dictionary<string, object?> LoadMap(string text)
    {
        var value = Load(text);
        return value switch
        {
            null => new Dictionary<string, object?>(StringComparer.Ordinal),
            Dictionary<string, object?> map => map,
            List<object?> => throw new YamlLoadException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}", 0, 0),
            _ => throw new YamlLoadException($"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {JsonKind(value)} into Go value of type map[string]interface {{}}", 0, 0),
        };
    }

    private static string JsonKind(object? value) => value switch
    {
        string => "string",
        bool => "bool",
        double => "number",
        _ => "value",
    };

    private static object? ReadNode(IParser parser, Dictionary<string, object?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var v)
                ? SprigDeepCopy(v)
                : throw new YamlLoadException($"error converting YAML to JSON: yaml: unknown anchor '{alias.Value.Value}' referenced", (int)alias.Start.Line, (int)alias.Start.Column);
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var value = ScalarValue(scalar);
            Remember(anchors, scalar.Anchor, value);
            return value;
        }

        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var list = new List<object?>();
            Remember(anchors, seqStart.Anchor, list);
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                list.Add(ReadNode(parser, anchors));
            }

            return list;
        }

        if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            Remember(anchors, mapStart.Anchor, map);
            var merged = new List<Dictionary<string, object?>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var isMerge = parser.Current is Scalar { Value: "<<", Style: ScalarStyle.Plain };
                var key = ReadNode(parser, anchors);
                var value = ReadNode(parser, anchors);
                if (isMerge)
                {
                    switch (value)
                    {
                        case Dictionary<string, object?> m:
                            merged.Add(m);
                            break;
                        case List<object?> l:
                            merged.AddRange(l.OfType<Dictionary<string, object?>>());
                            break;
                    }

                    continue;
                }

                map[KeyString(key)] = value;
            }

            foreach (var m in merged)
            {
                foreach (var (k, v) in m)
                {
                    map.TryAdd(k, v);
                }
            }

            return map;
        }

        throw new YamlLoadException("unexpected YAML event " + parser.Current, 0, 0);
    }

    /// <summary>
    /// sigs.k8s.io/yaml converts the parsed document with json.Marshal, which fails on NaN and infinities; the first
    /// one in encoding/json's order (map keys sorted) is the one reported.
    /// </summary>
    private static void ThrowIfNotJson(object? value)
    {
        switch (value)
        {
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                throw new YamlLoadException("error converting YAML to JSON: json: unsupported value: " + GoStrconv.FormatFloat(d, 'g', -1), 0, 0);
            case Dictionary<string, object?> map:
                foreach (var key in GoFormatter.SortedKeys(map))
                {
                    ThrowIfNotJson(map[key]);
                }

                break;
            case List<object?> list:
                foreach (var item in list)
                {
                    ThrowIfNotJson(item);
                }

                break;
        }
    }

    private static void Remember(Dictionary<string, object?> anchors, AnchorName anchor, object? value)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value;
        }
    }

    private static object? SprigDeepCopy(object? v) => v switch
    {
        Dictionary<string, object?> m => m.ToDictionary(kv => kv.Key, kv => SprigDeepCopy(kv.Value), StringComparer.Ordinal),
        List<object?> l => l.Select(SprigDeepCopy).ToList(),
        _ => v,
    };

    /// <summary>A scalar as sigs.k8s.io/yaml gives it to Go: JSON types, numbers as float64.</summary>
    private static object? ScalarValue(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" or "!")
        {
            return scalar.Value;
        }

        if (tag == "tag:yaml.org,2002:binary")
        {
            // yaml.v2 decodes !!binary into the bytes, which the JSON round trip turns into a string.
            try
            {
                return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(scalar.Value.Replace("\n", string.Empty, StringComparison.Ordinal)));
            }
            catch (FormatException)
            {
                throw new YamlLoadException("error converting YAML to JSON: yaml: !!binary value contains invalid base64 data", (int)scalar.Start.Line, (int)scalar.Start.Column);
            }
        }

        if (scalar.Style != ScalarStyle.Plain && tag is null)
        {
            return scalar.Value;
        }

        var (kind, value) = YamlScalarResolver.Resolve(scalar.Value);
        return kind switch
        {
            YamlScalarKind.Null => null,
            YamlScalarKind.Bool => value,
            YamlScalarKind.Int => (double)(long)value!,
            YamlScalarKind.Uint => (double)(ulong)value!,
            YamlScalarKind.Float => value,
            _ => scalar.Value,
        };
    }

    /// <summary>sigs.k8s.io/yaml's key conversion: strings as is, numbers and bools formatted, null as "null".</summary>
    private static string KeyString(object? key) => key switch
    {
        string s => s,
        null => "null",
        bool b => b ? "true" : "false",
        double d when Math.Floor(d) == d && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => GoStrconv.FormatFloat(d, 'g', -1),
        _ => GoFormatter.FormatValue(key),
    };
}

/// <summary>Malformed YAML, with the position YamlDotNet reports.</summary>
public sealed class YamlLoadException : Exception
{
    public YamlLoadException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

}
