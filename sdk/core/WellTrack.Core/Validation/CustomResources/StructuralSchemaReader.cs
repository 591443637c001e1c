using WellTrack.Core.Validation.Objects;
using WellTrack.Core.Yaml;

namespace WellTrack.Core.Validation.CustomResources;

/// <summary>
/// Reads a CustomResourceDefinition version's <c>schema.openAPIV3Schema</c> into the <see cref="SchemaType"/> the
/// <see cref="SchemaWalker"/> checks objects against, with the API server's reading of the keywords the walker can
/// check: <c>type</c>, <c>properties</c>, <c>additionalProperties</c> (a schema, <c>true</c> or <c>false</c>),
/// <c>required</c>, <c>items</c>, <c>enum</c>, <c>nullable</c>, <c>x-kubernetes-preserve-unknown-fields</c> (fields the
/// schema does not list are kept; those it lists are still checked), <c>x-kubernetes-int-or-string</c> and
/// <c>x-kubernetes-embedded-resource</c>. Other keywords (formats, patterns, bounds, <c>anyOf</c>, CEL rules) are not
/// checked. At the root and in an embedded resource, <c>apiVersion</c> and <c>kind</c> are strings and
/// <c>metadata</c> is the ObjectMeta of every Kubernetes object, whatever the schema says of them: the API server
/// validates metadata itself, and takes only name and generateName constraints from a CRD's schema.
/// </summary>
internal static class StructuralSchemaReader
{
    private static readonly Lazy<SchemaType> ObjectMeta = new(
        () => KubernetesSchema.Find("v1", "ConfigMap")?.Properties.GetValueOrDefault("metadata") ?? SchemaType.Any,
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The type of a whole object of <paramref name="kind"/> (<c>Widget</c>) in <paramref name="apiVersion"/>.</summary>
    public static SchemaType ReadRoot(YamlSourceNode schema, string kind, string apiVersion)
        => new Reader(kind, apiVersion).Read(schema, string.Empty, isResource: true);

    /// <summary>Reads one version's schema; names types for messages by their field path.</summary>
    private sealed class Reader(string kind, string apiVersion)
    {
        /// <param name="path">Field path of the type ("spec.parts[]"), empty at the root.</param>
        public SchemaType Read(YamlSourceNode? schema, string path, bool isResource)
        {
            if (schema is not YamlSourceMapping node)
            {
                return SchemaType.Any;
            }

            var isEmbedded = isResource || node.Child("x-kubernetes-embedded-resource").IsTrue();
            var preserves = node.Child("x-kubernetes-preserve-unknown-fields").IsTrue();
            var type = node.Child("type").Text();
            SchemaType read;
            if (node.Child("x-kubernetes-int-or-string").IsTrue())
            {
                read = SchemaType.IntOrString;
            }
            else if (type == "object" || (type is null && (isEmbedded || node.Child("properties") is not null || node.Child("additionalProperties") is not null)))
            {
                read = ReadObject(node, path, isEmbedded, preserves);
            }
            else
            {
                read = type switch
                {
                    "array" => SchemaType.ArrayOf(Read(node.Child("items"), path + "[]", isResource: false)),
                    "string" => SchemaType.String,
                    "integer" => SchemaType.Integer,
                    "number" => SchemaType.Number,
                    "boolean" => SchemaType.Boolean,
                    _ => SchemaType.Any, // no type: only valid under x-kubernetes-preserve-unknown-fields; anything goes
                };
            }

            var allowed = node.Child("enum") is YamlSourceSequence values
                ? values.Items.Where(v => v is YamlSourceScalar && !v.IsNull()).Select(v => v.Text()!).ToList()
                : null;
            return read.WithConstraints(allowed, node.Child("nullable").IsTrue() ? NullHandling.Nullable : NullHandling.NotNullable);
        }

        private SchemaType ReadObject(YamlSourceMapping node, string path, bool isEmbedded, bool preserves)
        {
            var properties = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
            foreach (var (key, property) in node.Child("properties").NamedEntries())
            {
                properties[key] = Read(property, Join(path, key), isResource: false);
            }

            if (isEmbedded)
            {
                properties["apiVersion"] = SchemaType.String;
                properties["kind"] = SchemaType.String;
                properties["metadata"] = ObjectMeta.Value;
            }

            var additionalNode = node.Child("additionalProperties");
            var additional = additionalNode switch
            {
                YamlSourceMapping => Read(additionalNode, Join(path, "*"), isResource: false),
                _ when additionalNode.IsTrue() => SchemaType.Any,
                _ => null,
            };
            var required = node.Child("required").Items().Select(r => r.Text()).OfType<string>().ToList();
            return properties.Count == 0 && additional is not null && !preserves
                ? SchemaType.MapOf(additional)
                : SchemaType.OpenObject(path.Length == 0 ? $"{kind} ({apiVersion})" : $"{kind} {path}", properties, required, additional, preserves);
        }

        private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
    }
}
