using WellTrack.Diagnostics;
using WellTrack.Templating.Execution;
using WellTrack.Templating.Parsing;
using WellTrack.Templating.Serialization;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>
/// Helm's own template functions (pkg/engine/funcs.go and engine.go): include with its recursion limit, tpl,
/// required and fail with Helm's error markers, offline lookup, and the YAML/JSON/TOML converters.
/// </summary>
internal static class HelmFunctions
{
    /// <summary>Helm's recursionMaxNums: include nesting per template name.</summary>
    public const int IncludeRecursionMax = 1000;

    /// <summary>Helm's name for the root template; tpl parses its text under this name.</summary>
    public const string RootTemplateName = "gotpl";

    public const string WarnStart = "HELM_ERR_START";
    public const string WarnEnd = "HELM_ERR_END";

    public static void Register(FunctionTableBuilder f)
    {
        f.Add(new GoFunction("include", [GoParam.String, GoParam.Any], variadic: false, Include) { WrapsNestedErrors = true });
        f.Add(new GoFunction("tpl", [GoParam.String, GoParam.Any], variadic: false, Tpl));
        f.Add("required", [GoParam.String, GoParam.Any], a => a[1] is null || a[1] is string { Length: 0 }
            ? throw new TemplateFunctionException(WarnStart + (string)a[0]! + WarnEnd)
            : a[1]);
        f.Add("fail", P.Str, a => throw new TemplateFunctionException(WarnStart + (string)a[0]! + WarnEnd));
        f.Add("lookup", [GoParam.String, GoParam.String, GoParam.String, GoParam.String], _ => new Dictionary<string, object?>(StringComparer.Ordinal));
        f.Add("getHostByName", P.Str, _ => string.Empty);
        f.Add("toYaml", P.Any, a => ToYaml(a[0]));
        f.Add("fromYaml", P.Str, a => FromYaml((string)a[0]!));
        f.Add("fromYamlArray", P.Str, a => FromYamlArray((string)a[0]!));
        f.Add("toJson", P.Any, a => GoJson.TryMarshal(a[0], indent: false, escapeHtml: true, out var s) ? s : string.Empty);
        f.Add("fromJson", P.Str, a => FromJson((string)a[0]!));
        f.Add("fromJsonArray", P.Str, a => FromJsonArray((string)a[0]!));
        f.Add("toToml", P.Any, a => GoToml.Encode(a[0]));
    }

    public static string ToYaml(object? value)
    {
        try
        {
            var text = GoYamlEmitter.Marshal(value);
            return text.EndsWith('\n') ? text[..^1] : text;
        }
        catch (TemplateFunctionException)
        {
            return string.Empty;
        }
    }

    private static Dictionary<string, object?> FromYaml(string text)
    {
        try
        {
            return GoYamlLoader.LoadMap(text);
        }
        catch (YamlLoadException e)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal) { ["Error"] = e.Message };
        }
    }

    private static List<object?> FromYamlArray(string text)
    {
        try
        {
            return GoYamlLoader.Load(text) switch
            {
                null => new List<object?>(),
                List<object?> list => list,
                var other => new List<object?> { "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + (other is Dictionary<string, object?> ? "object" : "value") + " into Go value of type []interface {}" },
            };
        }
        catch (YamlLoadException e)
        {
            return new List<object?> { e.Message };
        }
    }

    private static Dictionary<string, object?> FromJson(string text)
    {
        try
        {
            return GoJson.Unmarshal(text) switch
            {
                Dictionary<string, object?> map => map,
                null => new Dictionary<string, object?>(StringComparer.Ordinal),
                List<object?> => new Dictionary<string, object?>(StringComparer.Ordinal) { ["Error"] = "json: cannot unmarshal array into Go value of type map[string]interface {}" },
                var other => new Dictionary<string, object?>(StringComparer.Ordinal) { ["Error"] = $"json: cannot unmarshal {(other is string ? "string" : other is bool ? "bool" : "number")} into Go value of type map[string]interface {{}}" },
            };
        }
        catch (TemplateFunctionException e)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal) { ["Error"] = e.Message };
        }
    }

    private static List<object?> FromJsonArray(string text)
    {
        try
        {
            return GoJson.Unmarshal(text) switch
            {
                List<object?> list => list,
                null => new List<object?>(),
                var other => new List<object?> { $"json: cannot unmarshal {(other is Dictionary<string, object?> ? "object" : other is string ? "string" : other is bool ? "bool" : "number")} into Go value of type []interface {{}}" },
            };
        }
        catch (TemplateFunctionException e)
        {
            return new List<object?> { e.Message };
        }
    }

    private static string Include(FunctionContext ctx, object?[] args)
    {
        var execution = ctx.Execution;
        var name = (string)args[0]!;
        if (execution.IncludedNames.TryGetValue(name, out var count))
        {
            if (count > IncludeRecursionMax)
            {
                throw new TemplateFunctionException($"rendering template has a nested reference name: {name}: unable to execute template");
            }

            execution.IncludedNames[name] = count + 1;
        }
        else
        {
            execution.IncludedNames[name] = 1;
        }

        try
        {
            return ExecuteNested(execution, name, args[1], RootTemplateName);
        }
        finally
        {
            execution.IncludedNames[name]--;
        }
    }

    private static string ExecuteNested(RenderSession execution, string name, object? data, string parentName, Parsing.ParsedTree? tree = null)
    {
        if (execution.Depth >= execution.Limits.MaxNestingDepth || !execution.HasStackRoom())
        {
            throw new TemplateExecutionException(
                $"template nesting exceeds the limit of {execution.Limits.MaxNestingDepth} levels (at {GoStrconv.Quote(name)})", code: DiagnosticCodes.WT4012);
        }

        execution.Depth++;
        try
        {
            return execution.ExecuteTemplate(name, data, parentName, tree);
        }
        finally
        {
            execution.Depth--;
        }
    }

    private static string Tpl(FunctionContext ctx, object?[] args)
    {
        var execution = ctx.Execution;
        var text = (string)args[0]!;
        var saved = execution.Templates;
        var clone = saved.Clone();
        Parsing.ParsedTree? tree;
        try
        {
            tree = clone.ParseTree(RootTemplateName, text);
        }
        catch (TemplateParseException e)
        {
            throw new TemplateFunctionException($"cannot parse template {GoStrconv.Quote(text)}: {e.Message}");
        }

        execution.Templates = clone;
        try
        {
            // Helm executes the template object it just parsed, not the set's "gotpl": a blank text runs as blank
            // even when an enclosing tpl's text still defines that name.
            var output = ExecuteNested(execution, RootTemplateName, args[1], RootTemplateName, tree);
            return output.Replace("<no value>", string.Empty, StringComparison.Ordinal);
        }
        catch (TemplateExecutionException e) when (e.Code is null)
        {
            throw new TemplateFunctionException($"error during tpl function execution for {GoStrconv.Quote(text)}: {e.Message}");
        }
        finally
        {
            execution.Templates = saved;
        }
    }
}
