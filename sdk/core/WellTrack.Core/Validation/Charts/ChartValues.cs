using System.Globalization;
using System.Text.Json;
using Json.Schema;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Validation.Charts;

/// <summary>
/// A chart's values.yaml and values.schema.json, read once per chart; each render variant's values (values.yaml,
/// then the ci/ file, layered by the engine as Helm does) are checked against the schema (WT3017) with the position of
/// the offending value in the file that set it.
/// </summary>
internal sealed class ChartValues
{

    private readonly ValuesFile? _defaults;
    private readonly ValuesSchema? _schema;
    private readonly string _schemaFile;

    private ChartValues(ValuesFile? defaults, ValuesSchema? schema, string schemaFile)
    {
        _defaults = defaults;
        _schema = schema;
        _schemaFile = schemaFile;
    }

    /// <summary>Whether values.yaml parsed (or is absent): a chart whose values do not parse is not rendered.</summary>
    public bool Usable { get; private init; } = true;

    /// <summary>values.yaml and values.schema.json as the engine's loader read them (a .helmignore'd file is absent).</summary>
    public static ChartValues Load(ChartSource source, FindingCollector findings)
    {
        var valuesPath = source.FullPath("values.yaml");
        ValuesFile? defaults = null;
        var usable = true;
        if (source.Text("values.yaml") is { } valuesText)
        {
            defaults = ValuesFile.Parse(valuesPath, valuesText, findings);
            usable = defaults is not null;
        }

        var schemaPath = source.FullPath("values.schema.json");
        ValuesSchema? schema = null;
        if (source.Text("values.schema.json") is { } schemaText)
        {
            try
            {
                schema = ValuesSchema.Parse(schemaText);
            }
            catch (JsonException e)
            {
                findings.Report(DiagnosticCodes.WT3016, new SourceLocation(schemaPath, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), e.Message.Split('\n')[0]);
            }
            catch (Exception e) when (e is JsonSchemaException or ArgumentException or InvalidOperationException or FormatException or UriFormatException or NotSupportedException)
            {
                findings.Report(DiagnosticCodes.WT3016, new SourceLocation(schemaPath, 1, 1), e.Message.Split('\n')[0]);
            }
        }

        return new ChartValues(defaults, schema, schemaPath) { Usable = usable };
    }

    /// <summary>Parses the variant's extra values files (WT3014) and checks the merged values against the schema.
    /// False when an extra file does not parse (the variant is then not rendered).</summary>
    public bool Check(IReadOnlyList<string> extraValuesFiles, FindingCollector findings)
    {
        var extras = new List<ValuesFile>();
        foreach (var extra in extraValuesFiles)
        {
            if (ValuesFile.Load(extra, findings) is not { } file)
            {
                return false;
            }

            extras.Add(file);
        }

        if (_schema is null)
        {
            return true;
        }

        List<ValuesFile> files = _defaults is null ? extras : [_defaults, .. extras];
        var merged = ValuesMerger.CoalesceChartValues(_defaults?.Values ?? [], extras.Select(file => file.Values));
        foreach (var (pointer, message) in _schema.Violations(merged))
        {
            var segments = ValuesSchema.Segments(pointer);
            var location = Locate(files, segments) ?? new SourceLocation(files.Count > 0 ? files[^1].Path : _schemaFile, 1, 1);
            var valuesPath = ValuesSchema.Path(segments);
            findings.ReportWithValuesPath(DiagnosticCodes.WT3017, location, valuesPath.Length == 0 ? null : valuesPath, null,
                valuesPath.Length == 0 ? "(values)" : valuesPath, message, Path.GetFileName(_schemaFile));
        }

        return true;
    }

    /// <summary>The deepest node on the path, in the last file that sets it.</summary>
    private static SourceLocation? Locate(List<ValuesFile> files, List<string> segments)
    {
        for (var depth = segments.Count; depth >= 0; depth--)
        {
            var key = string.Join('\u0000', segments.Take(depth));
            for (var i = files.Count - 1; i >= 0; i--)
            {
                if (files[i].Locations.TryGetValue(key, out var location))
                {
                    return location;
                }
            }
        }

        return null;
    }

    /// <summary>One values file: its values (as the engine holds them, typed as YAML 1.1 reads the scalars) and where
    /// each path is written.</summary>
    private sealed class ValuesFile
    {
        public required string Path { get; init; }

        public Dictionary<string, object?> Values { get; private set; } = [];

        public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

        public static ValuesFile? Load(string path, FindingCollector findings) => Checked(path, ChartYaml.Load(path, DiagnosticCodes.WT3014, findings), findings);

        public static ValuesFile? Parse(string path, string text, FindingCollector findings) => Checked(path, ChartYaml.Parse(path, text, DiagnosticCodes.WT3014, findings), findings);

        private static ValuesFile? Checked(string path, (YamlSourceNode? Root, bool Parsed) read, FindingCollector findings)
        {
            var (root, parsed) = read;
            if (!parsed)
            {
                return null;
            }

            if (root is not null and not YamlSourceMapping && !root.IsNull())
            {
                findings.Report(DiagnosticCodes.WT3014, ChartYaml.At(path, root), $"a values file is a mapping, not {YamlSourceNavigation.Describe(root)}");
                return null;
            }

            var file = new ValuesFile { Path = path };
            file.Values = (root is null ? null : file.Convert(root, [])) as Dictionary<string, object?> ?? [];
            return file;
        }

        private object? Convert(YamlSourceNode node, List<string> path)
        {
            Locations[string.Join('\u0000', path)] = new SourceLocation(Path, node.Line, node.Column);
            switch (node)
            {
                case YamlSourceMapping mapping:
                    var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var (key, value) in mapping.Entries)
                    {
                        var name = (key as YamlSourceScalar)?.Value ?? string.Empty;
                        path.Add(name);
                        obj[name] = Convert(value, path);
                        if (value is not YamlSourceScalar || value.IsNull())
                        {
                            // A mapping, list or empty value is best pointed at by its key.
                            Locations[string.Join('\u0000', path)] = new SourceLocation(Path, key.Line, key.Column);
                        }

                        path.RemoveAt(path.Count - 1);
                    }

                    return obj;
                case YamlSourceSequence sequence:
                    var array = new List<object?>();
                    var index = 0;
                    foreach (var item in sequence.Items)
                    {
                        path.Add((index++).ToString(CultureInfo.InvariantCulture));
                        array.Add(Convert(item, path));
                        path.RemoveAt(path.Count - 1);
                    }

                    return array;
                case YamlSourceScalar scalar:
                    var text = scalar.Value;
                    return scalar.Kind switch
                    {
                        ScalarKind.Null => null,
                        ScalarKind.Boolean => node.IsTrue(),
                        ScalarKind.Integer when long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => integer,
                        ScalarKind.Integer or ScalarKind.Float when double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
                        _ => text,
                    };
                default:
                    return null;
            }
        }
    }
}
