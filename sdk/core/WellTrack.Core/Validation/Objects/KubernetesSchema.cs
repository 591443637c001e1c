using System.Collections.Concurrent;
using System.Text.Json;

namespace WellTrack.Core.Validation.Objects;

/// <summary>
/// The Kubernetes API schema as far as validation needs it, loaded once per process:
/// structure and types of built-in kinds from the model classes of the KubernetesClient package (Kubernetes v1.37 API:
/// <c>[KubernetesEntity]</c>, <c>[JsonPropertyName]</c>, property types); required fields of built-in kinds from the
/// generated resource <c>Validation/Schema/kubernetes-required-fields.json</c>; the whole schema of the custom resources
/// of the common operators (Gateway API, cert-manager, External Secrets, Prometheus Operator, Argo CD, ...) from the
/// generated resources <c>Validation/Schema/CustomResources/&lt;group&gt;.json</c> (see
/// eng/generate-kubernetes-required-fields.mjs). All are read through <see cref="KubernetesSchemaTable"/>, generated
/// from them by a test: no process loads KubernetesClient or reflects over it (the native welltrack tool could not), a
/// model class's properties are parsed when a manifest first reaches it, and a group's JSON only when a custom resource
/// of that group is checked.
/// </summary>
internal static class KubernetesSchema
{
    private const string GroupResourcePrefix = "WellTrack.Core.Validation.Schema.CustomResources.";

    private static readonly Lazy<Model> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The schema of a kind, or null when neither source models it.</summary>
    public static SchemaType? Find(string apiVersion, string kind)
        => Loaded.Value.Kinds.TryGetValue(Key(apiVersion, kind), out var lazy) ? lazy.Value : null;

    /// <summary>Whether the kind is modelled in this group/version (regardless of the target Kubernetes version).</summary>
    public static bool IsKnown(string apiVersion, string kind) => Loaded.Value.Kinds.ContainsKey(Key(apiVersion, kind));

    /// <summary>Whether the group/version holds any modelled kind (built-in, or a custom resource whose schema ships).</summary>
    public static bool IsKnownApiVersion(string apiVersion) => Loaded.Value.ApiVersions.Contains(apiVersion);

    /// <summary>The kinds modelled in a group/version (for "did you mean" hints).</summary>
    public static IEnumerable<string> KindsOf(string apiVersion)
        => Loaded.Value.Kinds.Keys.Where(k => k.Length > apiVersion.Length && k[apiVersion.Length] == '/' && k.StartsWith(apiVersion, StringComparison.Ordinal))
            .Select(k => k[(apiVersion.Length + 1)..]);

    /// <summary>The group/versions that serve <paramref name="kind"/> (for "did you mean" hints).</summary>
    public static IReadOnlyList<string> ApiVersionsOf(string kind)
        => Loaded.Value.Kinds.Keys.Where(k => k.EndsWith("/" + kind, StringComparison.Ordinal))
            .Select(k => k[..k.LastIndexOf('/')]).Order(StringComparer.Ordinal).ToList();

    /// <summary>Groups served by Kubernetes itself (core "", apps, networking.k8s.io, ...), whose kinds must all be known.
    /// Not every group ending in <c>.k8s.io</c>: gateway.networking.k8s.io, autoscaling.k8s.io (VPA) and
    /// snapshot.storage.k8s.io are custom resources installed beside Kubernetes.</summary>
    public static bool IsBuiltInGroup(string group) => Loaded.Value.BuiltInGroups.Contains(group);

    /// <summary>Groups of custom resources whose schemas ship with the validator (gateway.networking.k8s.io,
    /// cert-manager.io, monitoring.coreos.com, ...).</summary>
    public static bool IsCustomResourceGroup(string group) => Loaded.Value.CustomGroups.Contains(group);

    /// <summary>Where the schema comes from, for messages and docs.</summary>
    public static string Source => Loaded.Value.Source;

    /// <summary>Forces loading (benchmarks, warm-up).</summary>
    public static int KindCount => Loaded.Value.Kinds.Count;

    private static string Key(string apiVersion, string kind) => apiVersion + "/" + kind;

    private sealed record Model(
        Dictionary<string, Lazy<SchemaType>> Kinds,
        HashSet<string> ApiVersions,
        HashSet<string> BuiltInGroups,
        HashSet<string> CustomGroups,
        string Source);

    private static Model Load()
    {
        // Everything known at start-up comes from the generated table (KubernetesSchemaTable.cs): no scan of the
        // KubernetesClient assembly, no JSON. A kind's model class is looked up by name on first use; the JSON resource
        // is parsed only when a custom resource's schema is needed.
        var kinds = new Dictionary<string, Lazy<SchemaType>>(StringComparer.Ordinal);
        var builtInGroups = new HashSet<string>(StringComparer.Ordinal) { string.Empty, "extensions" };
        builtInGroups.UnionWith(Lines(KubernetesSchemaTable.ModelGroups));
        var required = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in Lines(KubernetesSchemaTable.RequiredFields))
        {
            var words = line.Split(' ');
            required[words[0]] = words[1..];
        }

        var models = new ModelTypes(required, Lines(KubernetesSchemaTable.ModelProperties));
        foreach (var line in Lines(KubernetesSchemaTable.ModelKinds))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var typeName = line[(space + 1)..];
            kinds[line[..space]] = new Lazy<SchemaType>(() => models.ForClass(typeName), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        // One lazily parsed resource per group of custom resources: a chart with an HTTPRoute parses Gateway API's
        // schemas, not Istio's.
        var customGroups = new Dictionary<string, Lazy<CustomResourceSchemas>>(StringComparer.Ordinal);
        foreach (var line in Lines(KubernetesSchemaTable.CustomKinds))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var key = line[..space];
            var definition = line[(space + 1)..];
            var group = key[..key.IndexOf('/', StringComparison.Ordinal)];
            if (!customGroups.TryGetValue(group, out var schemas))
            {
                schemas = new Lazy<CustomResourceSchemas>(() => new CustomResourceSchemas(LoadDefinitions(group), models), LazyThreadSafetyMode.ExecutionAndPublication);
                customGroups[group] = schemas;
            }

            kinds[key] = new Lazy<SchemaType>(() => schemas.Value.ForDefinition(definition), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        var apiVersions = kinds.Keys.Select(k => k[..k.LastIndexOf('/')]).ToHashSet(StringComparer.Ordinal);
        return new Model(kinds, apiVersions, builtInGroups, customGroups.Keys.ToHashSet(StringComparer.Ordinal),
            "KubernetesClient 21.0.8 models (Kubernetes v1.37 API) + " + KubernetesSchemaTable.JsonSource);
    }

    private static string[] Lines(string table) => table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The definitions of a group's JSON resource (the schemas of its custom resources).</summary>
    private static Dictionary<string, JsonElement> LoadDefinitions(string group)
    {
        var resourceName = GroupResourcePrefix + group + ".json";
        using var stream = typeof(KubernetesSchema).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {resourceName}: regenerate the schemas (Validation/Schema/README.md).");
        using var json = JsonDocument.Parse(stream);
        var definitions = json.RootElement.GetProperty("definitions").Clone();
        return definitions.EnumerateObject().ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal);
    }

    /// <summary>Schema types of the KubernetesClient model classes, from their properties and required fields in the
    /// generated table; a class's properties are parsed when a manifest first reaches it.</summary>
    private sealed class ModelTypes
    {
        private readonly Dictionary<string, string[]> _required;
        private readonly Dictionary<string, string> _propertiesByClass = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, SchemaType> _cache = new(StringComparer.Ordinal);

        public ModelTypes(Dictionary<string, string[]> required, IEnumerable<string> propertyLines)
        {
            _required = required;
            foreach (var line in propertyLines)
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                _propertiesByClass[space < 0 ? line : line[..space]] = space < 0 ? string.Empty : line[(space + 1)..];
            }
        }

        public SchemaType ForClass(string name)
            => _cache.GetOrAdd(name, n => SchemaType.Object(n, () => Properties(n), _required.GetValueOrDefault(n) ?? []));

        private Dictionary<string, SchemaType> Properties(string name)
        {
            if (!_propertiesByClass.TryGetValue(name, out var text))
            {
                throw new InvalidOperationException($"KubernetesSchemaTable has no properties for k8s.Models.{name}: regenerate it.");
            }

            var properties = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
            foreach (var property in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = property.IndexOf(':', StringComparison.Ordinal);
                properties[property[..colon]] = ForType(property[(colon + 1)..]);
            }

            return properties;
        }

        private SchemaType ForType(string type) => type switch
        {
            "string" => SchemaType.String,
            "integer" => SchemaType.Integer,
            "number" => SchemaType.Number,
            "boolean" => SchemaType.Boolean,
            "bytes" => SchemaType.Bytes,
            "int-or-string" => SchemaType.IntOrString,
            "quantity" => SchemaType.Quantity,
            "any" => SchemaType.Any,
            _ when type.StartsWith("[]", StringComparison.Ordinal) => SchemaType.ArrayOf(ForType(type[2..])),
            _ when type.StartsWith("map[string]", StringComparison.Ordinal) => SchemaType.MapOf(ForType(type["map[string]".Length..])),
            _ => ForClass(type),
        };
    }

    /// <summary>Schema types of custom resources, from the definitions of their group's JSON resource; built-in types
    /// they embed (ObjectMeta, a pod template, a label selector) are the model classes built-in kinds use.</summary>
    private sealed class CustomResourceSchemas(Dictionary<string, JsonElement> definitions, ModelTypes models)
    {
        private readonly ConcurrentDictionary<string, SchemaType> _cache = new(StringComparer.Ordinal);

        public SchemaType ForDefinition(string name)
        {
            if (!definitions.TryGetValue(name, out var def))
            {
                return SchemaType.Any;
            }

            return _cache.GetOrAdd(name, n => SchemaType.Object(
                n,
                () => def.TryGetProperty("properties", out var properties)
                    ? properties.EnumerateObject().ToDictionary(p => p.Name, p => Parse(p.Value.GetString() ?? "any"), StringComparer.Ordinal)
                    : new Dictionary<string, SchemaType>(),
                def.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(e => e.GetString()!).ToArray() : []));
        }

        private SchemaType Parse(string type) => type switch
        {
            "string" => SchemaType.String,
            "number" => SchemaType.Number,
            "boolean" => SchemaType.Boolean,
            "int-or-string" => SchemaType.IntOrString,
            "quantity" => SchemaType.Quantity,
            _ when type.StartsWith("[]", StringComparison.Ordinal) => SchemaType.ArrayOf(Parse(type[2..])),
            _ when type.StartsWith("{}", StringComparison.Ordinal) => SchemaType.MapOf(Parse(type[2..])),
            _ when type.StartsWith("Def:", StringComparison.Ordinal) => ForDefinition(type[4..]),
            _ when type.StartsWith("Model:", StringComparison.Ordinal) => models.ForClass(type[6..]),
            _ when type.StartsWith("enum:", StringComparison.Ordinal) => SchemaType.EnumOf(type[5..].Split('|')),
            _ => SchemaType.Any,
        };
    }
}
