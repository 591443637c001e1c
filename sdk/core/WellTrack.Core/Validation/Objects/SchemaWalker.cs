using System.Text.RegularExpressions;
using WellTrack.Core.Yaml;
using WellTrack.Diagnostics;

namespace WellTrack.Core.Validation.Objects;

/// <summary>
/// Checks an object against its schema in one pass, reporting every problem with its position: unknown fields
/// (WT3109), values of the wrong type (WT3110; Kubernetes reads YAML 1.1, so <c>replicas: "2"</c> and
/// <c>value: 3001</c> in a string field are both wrong), missing required fields (WT3111), values outside an enum
/// (WT3112).
/// </summary>
internal sealed partial class SchemaWalker
{
    private readonly ManifestObject _manifest;
    private readonly FindingCollector _findings;

    private SchemaWalker(ManifestObject manifest, FindingCollector findings)
    {
        _manifest = manifest;
        _findings = findings;
    }

    public static void Walk(ManifestObject manifest, SchemaType schema, FindingCollector findings)
        => new SchemaWalker(manifest, findings).Walk(manifest.Root, schema, string.Empty);

    private void Walk(YamlSourceNode node, SchemaType type, string path)
    {
        if (node is YamlSourceScalar nullable && nullable.Kind == ScalarKind.Null)
        {
            return; // null is "not set" for every field
        }

        switch (type.Kind)
        {
            case SchemaKind.Object:
                if (node is not YamlSourceMapping mapping)
                {
                    WrongType(node, type, path);
                    return;
                }

                WalkObject(mapping, type, path);
                return;
            case SchemaKind.Array:
                if (node is not YamlSourceSequence sequence)
                {
                    WrongType(node, type, path);
                    return;
                }

                var index = 0;
                foreach (var item in sequence.Items)
                {
                    var itemPath = $"{path}[{index++}]";
                    if (type.Element!.Null == NullHandling.NotNullable && item.IsNull())
                    {
                        WrongType(item, type.Element, itemPath); // not pruned in a list: the API server rejects it
                        continue;
                    }

                    Walk(item, type.Element, itemPath);
                }

                return;
            case SchemaKind.Map:
                if (node is not YamlSourceMapping map)
                {
                    WrongType(node, type, path);
                    return;
                }

                foreach (var (key, entry) in map.Entries)
                {
                    Walk(entry, type.Element!, Join(path, (key as YamlSourceScalar)?.Value ?? "?"));
                }

                return;
            case SchemaKind.Any:
                return;
        }

        if (node is not YamlSourceScalar scalar)
        {
            WrongType(node, type, path);
            return;
        }

        var kind = scalar.Kind;
        var value = scalar.Value;
        var ok = type.Kind switch
        {
            SchemaKind.String => kind == ScalarKind.String,
            SchemaKind.Integer => kind == ScalarKind.Integer,
            SchemaKind.Number => kind is ScalarKind.Integer or ScalarKind.Float,
            SchemaKind.Boolean => kind == ScalarKind.Boolean,
            SchemaKind.IntOrString => kind is ScalarKind.Integer or ScalarKind.String,
            SchemaKind.Quantity => kind is ScalarKind.Integer or ScalarKind.Float || (kind == ScalarKind.String && QuantityPattern().IsMatch(value)),
            SchemaKind.Bytes => kind == ScalarKind.String && IsBase64(value),
            _ => true,
        };
        if (!ok)
        {
            WrongType(node, type, path);
            return;
        }

        if (type.Enum is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
        {
            _findings.Report(DiagnosticCodes.WT3112, _manifest.At(node), _manifest.Reference, path, YamlSourceNavigation.Shorten(value), string.Join(", ", allowed));
        }
    }

    private void WalkObject(YamlSourceMapping mapping, SchemaType type, string path)
    {
        var properties = type.Properties;
        foreach (var (keyNode, value) in mapping.Entries)
        {
            var key = (keyNode as YamlSourceScalar)?.Value ?? string.Empty;
            var fieldPath = Join(path, key);
            if (!properties.TryGetValue(key, out var propertyType))
            {
                if (type.AdditionalProperties is { } additional)
                {
                    Walk(value, additional, fieldPath);
                    continue;
                }

                if (type.PreservesUnknownFields)
                {
                    continue;
                }

                _findings.Report(DiagnosticCodes.WT3109, _manifest.At(keyNode), _manifest.Reference, fieldPath, type.Name, Suggestion(key, properties.Keys));
                continue;
            }

            Walk(value, propertyType, fieldPath);
        }

        foreach (var required in type.Required)
        {
            if (mapping.Child(required).IsNull() && !IsNullValue(mapping, required, properties))
            {
                _findings.Report(DiagnosticCodes.WT3111, _manifest.At(mapping.KeyNode(required) ?? mapping), _manifest.Reference, Join(path, required), type.Name);
            }
        }
    }

    /// <summary>A field written as null where the schema makes null a value (<c>nullable: true</c>): it is set.</summary>
    private static bool IsNullValue(YamlSourceMapping mapping, string key, IReadOnlyDictionary<string, SchemaType> properties)
        => mapping.KeyNode(key) is not null && properties.TryGetValue(key, out var type) && type.Null == NullHandling.Nullable;

    private void WrongType(YamlSourceNode node, SchemaType type, string path)
        => _findings.Report(DiagnosticCodes.WT3110, _manifest.At(node), _manifest.Reference, path.Length == 0 ? "(object)" : path, type.Expected, YamlSourceNavigation.Describe(node));

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>" Did you mean 'x'?" for a near miss (case, one or two typos); empty otherwise.</summary>
    internal static string Suggestion(string key, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(key, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(1, Math.Min(2, key.Length / 4)) ? $" Did you mean '{best}'?" : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[((value.Length * 3) / 4) + 3];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    /// <summary>Kubernetes' resource.Quantity: a decimal number with an optional SI, binary-SI or exponent suffix.</summary>
    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
