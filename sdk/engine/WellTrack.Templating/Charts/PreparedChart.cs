using System.Text;
using System.Text.RegularExpressions;
using WellTrack.Diagnostics;
using WellTrack.Templating.Execution;
using WellTrack.Templating.Functions;
using WellTrack.Templating.Parsing;
using WellTrack.Templating.Semver;
using WellTrack.Templating.Serialization;

namespace WellTrack.Templating.Charts;

/// <summary>
/// A chart loaded and with every template parsed once, ready to render many times (different values, release
/// names, kube versions). Rendering follows Helm's engine: templates parsed deepest path first then in reverse
/// lexical order (the last define wins), partials and NOTES.txt not emitted, <c>&lt;no value&gt;</c> removed.
/// </summary>
public sealed partial class PreparedChart
{
    private const string DebugHint = "\n\nUse --debug flag to render out invalid YAML";

    /// <summary>Parsed template sets by the set of charts enabled (subchart conditions depend on values).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ParsedTemplates> _parsed = new(StringComparer.Ordinal);

    /// <summary>For a chart without subcharts the tree and its parsed templates never vary: kept here.</summary>
    private readonly (ChartNode Root, ParsedTemplates Templates)? _fixedTree;

    private PreparedChart(LoadedChart chart)
    {
        Chart = chart;
        if (chart.Dependencies.Count == 0)
        {
            var root = ChartNode.Root(chart);
            _fixedTree = (root, TemplatesFor(root));
        }
    }

    public LoadedChart Chart { get; }

    /// <summary>Loads <paramref name="chartDirectory"/>; templates are parsed on first render and cached.</summary>
    /// <exception cref="ChartLoadException">When the chart cannot be read.</exception>
    public static PreparedChart Load(string chartDirectory) => Prepare(LoadedChart.Load(chartDirectory));

    public static PreparedChart Prepare(LoadedChart chart)
    {
        return new PreparedChart(chart);
    }

    /// <summary>The templates of the enabled charts, named CHART/templates/... and CHART/charts/SUB/templates/....</summary>
    private static Dictionary<string, (string Text, ChartNode Node)> CollectTemplates(ChartNode root)
    {
        var result = new Dictionary<string, (string, ChartNode)>(StringComparer.Ordinal);
        foreach (var node in root.SelfAndDescendants())
        {
            foreach (var (key, text) in node.Chart.Templates)
            {
                var relative = key[(key.IndexOf('/') + 1)..];
                if (node.IsLibrary && !relative[(relative.LastIndexOf('/') + 1)..].StartsWith('_'))
                {
                    // A library chart contributes only its partials (Helm's isTemplateValid).
                    continue;
                }

                result[node.FullPath + "/" + relative] = (text, node);
            }
        }

        return result;
    }

    /// <summary>Parsed templates; Owners maps each template to the full path of the chart it belongs to.</summary>
    private sealed record ParsedTemplates(TemplateSet Set, List<string> Order, Dictionary<string, string> Owners, RenderFailure? Failure);

    private ParsedTemplates TemplatesFor(ChartNode root)
    {
        var all = CollectTemplates(root);
        var key = string.Join('\n', all.Keys.Order(StringComparer.Ordinal));
        return _parsed.GetOrAdd(key, _ =>
        {
            var set = new TemplateSet(FunctionLibrary.Helm);
            var order = SortTemplates(all.Keys);
            RenderFailure? failure = null;
            foreach (var name in order)
            {
                try
                {
                    set.Parse(name, all[name].Text);
                }
                catch (TemplateParseException e)
                {
                    var message = CleanupParseError(name, e.Message);
                    failure = new RenderFailure(message, Diagnostic.Error(DiagnosticCodes.WT4001, new SourceLocation(name, e.Line), message));
                    break;
                }
            }

            return new ParsedTemplates(set, order, all.ToDictionary(kv => kv.Key, kv => kv.Value.Node.FullPath, StringComparer.Ordinal), failure);
        });
    }

    /// <summary>Helm's sortTemplates: deeper paths first, and at equal depth reverse lexical order.</summary>
    private static List<string> SortTemplates(IEnumerable<string> names)
    {
        var list = names.ToList();
        list.Sort((a, b) =>
        {
            var ca = a.Count(c => c == '/');
            var cb = b.Count(c => c == '/');
            return ca == cb ? string.CompareOrdinal(b, a) : cb.CompareTo(ca);
        });
        return list;
    }

    private sealed record RenderFailure(string Message, Diagnostic Diagnostic);

    public RenderResult Render(RenderOptions options)
    {
        try
        {
            return RenderCore(options);
        }
        catch (ChartLoadException e)
        {
            return Failed(e.Message, Diagnostic.Error(DiagnosticCodes.WT4004, new SourceLocation(e.File ?? Chart.Directory, e.Line, e.Column), e.Message));
        }
        catch (TemplateExecutionException e)
        {
            // Raised outside any template (a nesting limit hit while unwinding, for instance).
            return Failed(e.Message, Diagnostic.Error(e.Code ?? DiagnosticCodes.WT4002, new SourceLocation(e.File ?? Chart.Directory, e.Line, e.Column), e.Message));
        }
    }

    private static RenderResult Failed(string message, Diagnostic diagnostic) => new([], message, [diagnostic]);

    /// <summary>chartutil.ValidateAgainstSchema: the chart's values against its schema, then each enabled subchart's
    /// section of them against the subchart's, parents first.</summary>
    private static List<(ChartNode Chart, IReadOnlyList<string> Violations)> SchemaViolations(ChartNode node, Dictionary<string, object?> values, ValuesSchemaValidator validator)
    {
        var found = new List<(ChartNode, IReadOnlyList<string>)>();
        if (node.Chart.ValuesSchema is { } schema && validator(node.FullPath, schema, values) is { Count: > 0 } violations)
        {
            found.Add((node, violations));
        }

        foreach (var child in node.Children)
        {
            var section = values.TryGetValue(child.Name, out var v) && v is Dictionary<string, object?> map ? map : [];
            found.AddRange(SchemaViolations(child, section, validator));
        }

        return found;
    }

    /// <summary>Helm's wording: "NAME:" then "- violation" lines, chart after chart.</summary>
    private static string DescribeSchemaViolations(List<(ChartNode Chart, IReadOnlyList<string> Violations)> found)
    {
        var text = new StringBuilder("values don't meet the specifications of the schema(s) in the following chart(s):\n");
        foreach (var (chart, violations) in found)
        {
            text.Append(chart.Name).Append(":\n");
            foreach (var violation in violations)
            {
                text.Append("- ").Append(violation).Append('\n');
            }
        }

        return text.ToString();
    }

    private RenderResult RenderCore(RenderOptions options)
    {
        var md = Chart.Metadata;
        if (md.Type is not ("" or "application"))
        {
            var message = $"{md.Type} charts are not installable";
            return Failed(message, Diagnostic.Error(DiagnosticCodes.WT4008, new SourceLocation("Chart.yaml"), message));
        }

        if (ChartDependencies.Missing(Chart) is { Count: > 0 } missing)
        {
            var message = "An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: "
                + string.Join(", ", missing);
            return Failed(message, Diagnostic.Error(DiagnosticCodes.WT4009, new SourceLocation("Chart.yaml"), message));
        }

        var capabilities = KubeCapabilities.Create(options.KubeVersion, options.ApiVersions, options.IncludeDefaultApiVersions);
        var userValues = UserValues(options);
        var root = _fixedTree?.Root ?? ChartNode.BuildEnabled(Chart, userValues);
        var values = ValuesMerger.CoalesceTree(root, userValues);
        if (options.ValuesSchemaValidator is { } validator && SchemaViolations(root, values, validator) is { Count: > 0 } violations)
        {
            var message = DescribeSchemaViolations(violations);
            var schemaFile = Path.Combine(violations[0].Chart.Chart.Directory, "values.schema.json");
            return Failed(message, Diagnostic.Error(DiagnosticCodes.WT4014, new SourceLocation(schemaFile), message));
        }

        if (md.KubeVersion.Length > 0)
        {
            var (kube, _, _) = KubeCapabilities.ParseKubeVersion(options.KubeVersion);
            if (KubeVersionRequirement.IsCompatible(md.KubeVersion, kube) != true)
            {
                var message = $"chart requires kubeVersion: {md.KubeVersion} which is incompatible with Kubernetes {kube}" + DebugHint;
                return Failed(message, Diagnostic.Error(DiagnosticCodes.WT4007, new SourceLocation("Chart.yaml"), message));
            }
        }

        var templates = _fixedTree?.Templates ?? TemplatesFor(root);
        if (templates.Failure is not null)
        {
            return Failed(templates.Failure.Message + DebugHint, templates.Failure.Diagnostic);
        }

        var release = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Name"] = options.ReleaseName, ["Namespace"] = options.Namespace, ["Revision"] = (long)options.Revision,
            ["IsUpgrade"] = options.IsUpgrade, ["IsInstall"] = !options.IsUpgrade, ["Service"] = "Helm",
        };
        var scopes = Scopes(root, values, release, capabilities);
        var session = new RenderSession(templates.Set, options.Limits, options.Environment);
        var rendered = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, List<OutputSegment>>? maps = null;
        if (options.RecordSourceMap)
        {
            session.StartRecording();
            maps = new Dictionary<string, List<OutputSegment>>(StringComparer.Ordinal);
        }

        foreach (var name in templates.Order)
        {
            if (name[(name.LastIndexOf('/') + 1)..].StartsWith('_'))
            {
                continue;
            }

            var owner = templates.Owners[name];
            var vals = new Dictionary<string, object?>(scopes[owner], StringComparer.Ordinal)
            {
                ["Template"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Name"] = name, ["BasePath"] = owner + "/templates" },
            };
            string output;
            List<OutputSegment>? segments = null;
            try
            {
                if (maps is null)
                {
                    output = session.ExecuteTemplate(name, vals);
                }
                else
                {
                    (output, segments) = session.ExecuteRecorded(name, vals);
                }
            }
            catch (TemplateExecutionException e)
            {
                return ExecutionFailure(name, e);
            }

            if (name.EndsWith("NOTES.txt", StringComparison.Ordinal))
            {
                continue;
            }

            if (maps is null || segments is null)
            {
                rendered[name] = output.Replace("<no value>", string.Empty, StringComparison.Ordinal);
            }
            else
            {
                (rendered[name], maps[name]) = OutputSegments.RemoveAll(output, segments, "<no value>");
            }
        }

        try
        {
            return new RenderResult(maps is null ? ManifestSorter.Sort(rendered) : ManifestSorter.Sort(rendered, maps), null, []);
        }
        catch (ManifestException e)
        {
            var message = e.Message + DebugHint;
            return Failed(message, Diagnostic.Error(DiagnosticCodes.WT4006, new SourceLocation(e.File, e.Line, e.Column), e.Message));
        }
    }

    /// <summary>
    /// Each chart's top-level objects (Helm's recAllTpls): its own .Chart and .Files, as .Values the table of its
    /// parent's values under its name (an empty table when that is not a table), and as .Subcharts the same
    /// objects of each of its subcharts, by name.
    /// </summary>
    private static Dictionary<string, Dictionary<string, object?>> Scopes(ChartNode root, Dictionary<string, object?> values, object release, object capabilities)
    {
        var scopes = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        Dictionary<string, object?> Visit(ChartNode node, Dictionary<string, object?> nodeValues)
        {
            var subcharts = new Dictionary<string, object?>(StringComparer.Ordinal);
            var scope = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["Chart"] = node.ChartObject,
                ["Capabilities"] = capabilities,
                ["Release"] = release,
                ["Values"] = nodeValues,
                ["Files"] = node.Chart.Files,
                ["Subcharts"] = subcharts,
            };
            scopes[node.FullPath] = scope;
            foreach (var child in node.Children)
            {
                var childValues = nodeValues.TryGetValue(child.Name, out var v) && v is Dictionary<string, object?> table
                    ? table
                    : new Dictionary<string, object?>(StringComparer.Ordinal);
                subcharts[child.Name] = Visit(child, childValues);
            }

            return scope;
        }

        Visit(root, values);
        return scopes;
    }

    private static Dictionary<string, object?> UserValues(RenderOptions options)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var file in options.ValueFiles)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new ChartLoadException($"open {file}: no such file or directory", file);
            }
            catch (IOException e)
            {
                throw new ChartLoadException($"read {file}: {e.Message}", file);
            }
            catch (UnauthorizedAccessException)
            {
                throw new ChartLoadException($"open {file}: permission denied", file);
            }

            try
            {
                result = ValuesMerger.MergeMaps(result, GoYamlLoader.LoadMap(text));
            }
            catch (YamlLoadException e)
            {
                throw new ChartLoadException($"failed to parse {file}: {e.Message}", file, e.Line, e.Column);
            }
        }

        foreach (var set in options.SetValues)
        {
            SetValueParser.Apply(set, result);
        }

        return result;
    }

    private static RenderResult ExecutionFailure(string templateName, TemplateExecutionException e)
    {
        var (message, code) = CleanupExecError(templateName, e);
        var location = new SourceLocation(e.File ?? templateName, e.Line, e.Column);
        return Failed(message + DebugHint, Diagnostic.Error(code, location, message));
    }

    /// <summary>Helm's cleanupParseError: <c>parse error at (FILE:LINE): detail</c>.</summary>
    private static string CleanupParseError(string fileName, string message)
    {
        var tokens = message.Split(": ");
        if (tokens.Length == 1)
        {
            return $"parse error in ({fileName}): {message}";
        }

        return $"parse error at ({tokens[1]}): {tokens[^1]}";
    }

    /// <summary>Helm's cleanupExecError: required/fail messages become <c>execution error at (LOCATION): msg</c>.</summary>
    private static (string Message, DiagnosticCode Code) CleanupExecError(string fileName, TemplateExecutionException e)
    {
        var code = e.Code ?? DiagnosticCodes.WT4002;
        var tokens = e.Message.Split(": ", 3);
        if (tokens.Length != 3)
        {
            return ($"execution error in ({fileName}): {e.Message}", code);
        }

        var warn = WarnPattern().Match(tokens[2]);
        if (warn.Success)
        {
            return ($"execution error at ({tokens[1]}): {warn.Groups[1].Value}", DiagnosticCodes.WT4003);
        }

        return (e.Message, code);
    }

    [GeneratedRegex("HELM_ERR_START((?s).*)HELM_ERR_END")]
    private static partial Regex WarnPattern();
}
