using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using WellTrack.Templating.Charts;

namespace WellTrack.Core.Validation.Charts;

/// <summary>
/// A chart's values.schema.json, read as Helm reads it (<see cref="ValuesSchemaDraft"/>), and the values that break it.
/// One implementation for the chart's own values (WT3017, with positions) and for the engine's check of every chart
/// of a release before rendering (<see cref="Validator"/>: subcharts in validation, all charts in <c>welltrack template</c>).
/// </summary>
internal sealed class ValuesSchema
{
    private static readonly EvaluationOptions FlagOptions = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions ListOptions = new() { OutputFormat = OutputFormat.Hierarchical };
    private static readonly ConcurrentDictionary<string, Lazy<(ValuesSchema? Schema, string? Problem)>> ByText = new(StringComparer.Ordinal);

    private readonly JsonSchema _schema;

    private ValuesSchema(JsonSchema schema) => _schema = schema;

    /// <summary>Builds the schema. Throws <see cref="JsonException"/> (with the position) for text that is not JSON,
    /// and what JsonSchema.Net throws for a schema it cannot use.</summary>
    public static ValuesSchema Parse(string text) => new(ValuesSchemaDraft.Build(text, SchemaBuildOptions.Create()));

    /// <summary>The violations, as JSON pointers into the values and JsonSchema.Net's words; empty when they conform.</summary>
    public IReadOnlyList<(string Pointer, string Message)> Violations(IReadOnlyDictionary<string, object?> values)
    {
        // The flag format is two orders of magnitude cheaper than the list; the list is built only to report.
        var instance = JsonSerializer.SerializeToElement(ToJson(values), ValuesJsonContext.Default.JsonNode);
        return _schema.Evaluate(instance, FlagOptions).IsValid ? [] : Errors(_schema.Evaluate(instance, ListOptions)).ToList();
    }

    /// <summary>
    /// The engine's check before rendering: one line per violation, "path: problem" (Helm's "(root)" for the whole).
    /// Schemas are parsed once per text (the charts of a repository share subcharts).
    /// </summary>
    /// <param name="includeRoot">False: the release's own chart is left out (validation checks it with positions).</param>
    public static ValuesSchemaValidator Validator(bool includeRoot) => (chartPath, text, values) =>
    {
        if (!includeRoot && !chartPath.Contains('/', StringComparison.Ordinal))
        {
            return [];
        }

        var (schema, problem) = ByText.GetOrAdd(text, t => new Lazy<(ValuesSchema?, string?)>(() => TryParse(t))).Value;
        if (schema is null)
        {
            return [$"(root): values.schema.json is not a usable JSON schema: {problem}"];
        }

        return schema.Violations(values).Select(v => $"{(Path(v.Pointer) is { Length: > 0 } path ? path : "(root)")}: {v.Message}").ToList();
    };

    private static (ValuesSchema?, string?) TryParse(string text)
    {
        try
        {
            return (Parse(text), null);
        }
        catch (Exception e) when (e is JsonException or JsonSchemaException or ArgumentException or InvalidOperationException or FormatException or UriFormatException or NotSupportedException)
        {
            return (null, e.Message.Split('\n')[0]);
        }
    }

    /// <summary>The values path of a JSON pointer: <c>image.tag</c>, <c>ports[0].name</c>.</summary>
    public static string Path(string pointer) => Path(Segments(pointer));

    public static List<string> Segments(string pointer)
        => pointer.Length == 0 ? [] : pointer.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();

    public static string Path(List<string> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                text.Append('[').Append(segment).Append(']');
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(segment);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The errors of the failing nodes only: a valid node's subtree (an anyOf whose other branch matched) holds
    /// failures of alternatives that do not matter, and reporting them would bury the real one.
    /// </summary>
    private static IEnumerable<(string Pointer, string Message)> Errors(EvaluationResults results)
    {
        if (results.IsValid)
        {
            yield break;
        }

        if (results.Errors is { } errors)
        {
            foreach (var (keyword, message) in errors)
            {
                yield return (results.InstanceLocation.ToString(), Explain(keyword, message));
            }
        }

        foreach (var detail in results.Details ?? [])
        {
            foreach (var error in Errors(detail))
            {
                yield return error;
            }
        }
    }

    // JsonSchema.Net words additionalProperties: false as "All values fail against the false schema".
    private static string Explain(string keyword, string message)
        => keyword == "false" || message.Contains("false schema", StringComparison.Ordinal)
            ? "the schema allows no value of this name (additionalProperties is false); check its spelling and place"
            : message;

    /// <summary>The values as the schema reads them (JSON), numbers keeping the integer or float their YAML had.</summary>
    private static JsonNode? ToJson(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => new JsonObject(map.Select(entry => KeyValuePair.Create(entry.Key, ToJson(entry.Value)))),
        List<object?> list => new JsonArray([.. list.Select(ToJson)]),
        long integer => JsonValue.Create(integer),
        int integer => JsonValue.Create(integer),
        double number => JsonValue.Create(number),
        bool boolean => JsonValue.Create(boolean),
        string text => JsonValue.Create(text),
        _ => null,
    };
}
