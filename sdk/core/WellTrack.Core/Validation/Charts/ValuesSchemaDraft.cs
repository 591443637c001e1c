using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace WellTrack.Core.Validation.Charts;

/// <summary>
/// values.schema.json read with the semantics Helm v3.16 gives it. Helm validates values with gojsonschema, which
/// knows drafts 04, 06 and 07 by their <c>$schema</c> (with or without the trailing <c>#</c>) and reads any other
/// <c>$schema</c>, or none, in its hybrid mode: draft-07 keywords plus draft-04's boolean
/// <c>exclusiveMaximum</c>/<c>exclusiveMinimum</c>. JsonSchema.Net knows neither draft-04 nor unregistered
/// <c>$schema</c> URIs (<c>https://json-schema.org/schema#</c>), so the schema is handed to it as draft-07 (draft-06
/// when it says so), its <c>$schema</c> removed and draft-04's boolean exclusive bounds rewritten as numbers.
/// </summary>
internal static class ValuesSchemaDraft
{
    private const string Draft06 = "http://json-schema.org/draft-06/schema";

    /// <summary>Keywords whose value is one subschema, a map of subschemas, or a list of subschemas (drafts 04-07).</summary>
    private static readonly string[] SubschemaKeywords = ["items", "additionalItems", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames"];
    private static readonly string[] SubschemaMapKeywords = ["properties", "patternProperties", "definitions", "$defs", "dependencies"];
    private static readonly string[] SubschemaListKeywords = ["allOf", "anyOf", "oneOf", "items"];

    /// <summary>Builds the schema. Throws what <see cref="JsonSchema.FromText(string, BuildOptions?)"/> throws, and
    /// <see cref="JsonException"/> with the position for text that is not JSON.</summary>
    public static JsonSchema Build(string schemaText, BuildOptions options)
    {
        var root = JsonNode.Parse(schemaText);
        if (root is not JsonObject schema || (schema["$schema"] is { } declared && declared.GetValueKind() != JsonValueKind.String))
        {
            return JsonSchema.FromText(schemaText, options); // a boolean schema, or a $schema Helm refuses too
        }

        var dialect = Dialect(schema["$schema"]?.GetValue<string>());
        schema.Remove("$schema");
        RewriteBooleanExclusiveBounds(schema);
        options.Dialect = SchemaBuildOptions.Patched(dialect) ?? dialect;
        return JsonSchema.FromText(schema.ToJsonString(), options);
    }

    private static Dialect Dialect(string? declared)
        => declared is not null && declared.TrimEnd('#') == Draft06 ? Json.Schema.Dialect.Draft06 : Json.Schema.Dialect.Draft07;

    /// <summary>Draft-04's <c>"maximum": 10, "exclusiveMaximum": true</c> is draft-06's <c>"exclusiveMaximum": 10</c>.</summary>
    private static void RewriteBooleanExclusiveBounds(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        Rewrite(schema, "exclusiveMaximum", "maximum");
        Rewrite(schema, "exclusiveMinimum", "minimum");
        foreach (var keyword in SubschemaKeywords)
        {
            RewriteBooleanExclusiveBounds(schema[keyword]);
        }

        foreach (var keyword in SubschemaMapKeywords)
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (var (_, subschema) in map)
                {
                    RewriteBooleanExclusiveBounds(subschema);
                }
            }
        }

        foreach (var keyword in SubschemaListKeywords)
        {
            if (schema[keyword] is JsonArray list)
            {
                foreach (var subschema in list)
                {
                    RewriteBooleanExclusiveBounds(subschema);
                }
            }
        }
    }

    private static void Rewrite(JsonObject schema, string exclusive, string inclusive)
    {
        if (schema[exclusive] is not { } flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return;
        }

        schema.Remove(exclusive);
        if (flag.GetValue<bool>() && schema[inclusive] is { } bound)
        {
            schema.Remove(inclusive);
            schema[exclusive] = bound;
        }
    }
}
