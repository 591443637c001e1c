using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace WellTrack.GitOps.Validation.Objects;

/// <summary>
/// The Kubernetes API schema as far as validation needs it, loaded once per process:
/// structure and types from the model classes of the KubernetesClient package (Kubernetes v1.37 API, read by
/// reflection: <c>[KubernetesEntity]</c>, <c>[JsonPropertyName]</c>, property types); required fields of built-in
/// kinds, and the whole schema of ExternalSecret and cert-manager kinds, from the generated resource
/// <c>Validation/Schema/kubernetes-required-fields.json</c> (see eng/generate-kubernetes-required-fields.mjs).
/// </summary>
internal static class KubernetesSchema
{
    private const string ResourceName = "WellTrack.GitOps.Validation.Schema.kubernetes-required-fields.json";

    private static readonly Lazy<Model> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The schema of a kind, or null when neither source models it.</summary>
    public static SchemaType? Find(string apiVersion, string kind)
        => Loaded.Value.Kinds.TryGetValue(Key(apiVersion, kind), out var lazy) ? lazy.Value : null;

    /// <summary>Whether the kind is modelled in this group/version (regardless of the target Kubernetes version).</summary>
    public static bool IsKnown(string apiVersion, string kind) => Loaded.Value.Kinds.ContainsKey(Key(apiVersion, kind));

    /// <summary>Whether the group/version holds any modelled kind.</summary>
    public static bool IsKnownApiVersion(string apiVersion) => Loaded.Value.ApiVersions.Contains(apiVersion);

    /// <summary>The group/versions that serve <paramref name="kind"/> (for "did you mean" hints).</summary>
    public static IReadOnlyList<string> ApiVersionsOf(string kind)
        => Loaded.Value.Kinds.Keys.Where(k => k.EndsWith("/" + kind, StringComparison.Ordinal))
            .Select(k => k[..k.LastIndexOf('/')]).Order(StringComparer.Ordinal).ToList();

    /// <summary>Groups served by Kubernetes itself (core "", apps, *.k8s.io, ...), whose kinds must all be known.</summary>
    public static bool IsBuiltInGroup(string group)
        => Loaded.Value.BuiltInGroups.Contains(group) || group.EndsWith(".k8s.io", StringComparison.Ordinal);

    /// <summary>Where the schema comes from, for messages and docs.</summary>
    public static string Source => Loaded.Value.Source;

    /// <summary>Forces loading (benchmarks, warm-up).</summary>
    public static int KindCount => Loaded.Value.Kinds.Count;

    private static string Key(string apiVersion, string kind) => apiVersion + "/" + kind;

    private sealed record Model(
        Dictionary<string, Lazy<SchemaType>> Kinds,
        HashSet<string> ApiVersions,
        HashSet<string> BuiltInGroups,
        string Source);

    private static Model Load()
    {
        using var stream = typeof(KubernetesSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var definitions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var definition in root.GetProperty("definitions").EnumerateObject())
        {
            definitions[definition.Name] = definition.Value.Clone();
        }

        var jsonKinds = root.GetProperty("kinds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        var fullKinds = root.GetProperty("full").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);

        var kinds = new Dictionary<string, Lazy<SchemaType>>(StringComparer.Ordinal);
        var builtInGroups = new HashSet<string>(StringComparer.Ordinal) { string.Empty, "extensions" };
        var reflected = new ModelReflection(definitions);
        foreach (var type in typeof(V1Pod).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is not { } entity || type.Name.EndsWith("List", StringComparison.Ordinal))
            {
                continue;
            }

            var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
            var key = Key(apiVersion, entity.Kind);
            builtInGroups.Add(entity.Group ?? string.Empty);
            if (jsonKinds.TryGetValue(key, out var definition))
            {
                reflected.Associate(type, definition);
            }

            kinds[key] = new Lazy<SchemaType>(() => reflected.ForType(type), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        var custom = new CustomResourceSchemas(definitions);
        foreach (var key in fullKinds)
        {
            var definition = jsonKinds[key];
            kinds[key] = new Lazy<SchemaType>(() => custom.ForDefinition(definition), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        var apiVersions = kinds.Keys.Select(k => k[..k.LastIndexOf('/')]).ToHashSet(StringComparer.Ordinal);
        return new Model(kinds, apiVersions, builtInGroups,
            "KubernetesClient 21.0.8 models (Kubernetes v1.37 API) + " + (root.TryGetProperty("source", out var source) ? source.GetString() : "generated required fields"));
    }

    /// <summary>Schema types of the KubernetesClient model classes, required fields attached from the JSON resource.</summary>
    private sealed class ModelReflection(Dictionary<string, JsonElement> definitions)
    {
        private readonly ConcurrentDictionary<Type, SchemaType> cache = new();
        private readonly Dictionary<Type, string[]> required = [];
        private readonly HashSet<(Type, string)> associated = [];

        /// <summary>Walks a model type and the JSON definition of the same kind side by side, recording each model
        /// type's required fields.</summary>
        public void Associate(Type type, string definition)
        {
            if (!associated.Add((type, definition)) || !definitions.TryGetValue(definition, out var def))
            {
                return;
            }

            if (def.TryGetProperty("required", out var requiredFields) && !required.ContainsKey(type))
            {
                required[type] = requiredFields.EnumerateArray().Select(e => e.GetString()!).ToArray();
            }

            if (!def.TryGetProperty("properties", out var properties))
            {
                return;
            }

            foreach (var property in JsonProperties(type))
            {
                if (properties.TryGetProperty(property.Name, out var reference) && reference.GetString() is { } text
                    && text.LastIndexOf("Def:", StringComparison.Ordinal) is var at and >= 0
                    && ElementType(property.Type) is { } child)
                {
                    Associate(child, text[(at + 4)..]);
                }
            }
        }

        public SchemaType ForType(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(string) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
            {
                return SchemaType.String;
            }

            if (type == typeof(int) || type == typeof(long) || type == typeof(short))
            {
                return SchemaType.Integer;
            }

            if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
            {
                return SchemaType.Number;
            }

            if (type == typeof(bool))
            {
                return SchemaType.Boolean;
            }

            if (type == typeof(byte[]))
            {
                return SchemaType.Bytes;
            }

            if (type == typeof(IntOrString))
            {
                return SchemaType.IntOrString;
            }

            if (type == typeof(ResourceQuantity))
            {
                return SchemaType.Quantity;
            }

            if (DictionaryValueType(type) is { } value)
            {
                return SchemaType.MapOf(ForType(value));
            }

            if (ListItemType(type) is { } item)
            {
                return SchemaType.ArrayOf(ForType(item));
            }

            if (type.Namespace == "k8s.Models" && type.IsClass)
            {
                return cache.GetOrAdd(type, t => SchemaType.Object(
                    t.Name,
                    () => JsonProperties(t).ToDictionary(p => p.Name, p => ForType(p.Type), StringComparer.Ordinal),
                    required.GetValueOrDefault(t) ?? []));
            }

            return SchemaType.Any;
        }

        private static IEnumerable<(string Name, Type Type)> JsonProperties(Type type)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } name)
                {
                    yield return (name.Name, property.PropertyType);
                }
            }
        }

        /// <summary>The model type inside T?, IList&lt;T&gt; or IDictionary&lt;string,T&gt;.</summary>
        private static Type? ElementType(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            var inner = DictionaryValueType(type) ?? ListItemType(type) ?? type;
            return inner.Namespace == "k8s.Models" && inner.IsClass ? inner : null;
        }

        private static Type? DictionaryValueType(Type type)
        {
            var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
                ? type
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
            return dictionary?.GetGenericArguments()[0] == typeof(string) ? dictionary.GetGenericArguments()[1] : null;
        }

        private static Type? ListItemType(Type type)
        {
            if (type == typeof(string) || type == typeof(byte[]))
            {
                return null;
            }

            var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? type
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
            return enumerable?.GetGenericArguments()[0];
        }
    }

    /// <summary>Schema types of custom resources, from the full definitions of the JSON resource.</summary>
    private sealed class CustomResourceSchemas(Dictionary<string, JsonElement> definitions)
    {
        private readonly ConcurrentDictionary<string, SchemaType> cache = new(StringComparer.Ordinal);

        public SchemaType ForDefinition(string name)
        {
            if (!definitions.TryGetValue(name, out var def))
            {
                return SchemaType.Any;
            }

            return cache.GetOrAdd(name, n => SchemaType.Object(
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
            _ when type.StartsWith("enum:", StringComparison.Ordinal) => SchemaType.EnumOf(type[5..].Split('|')),
            _ => SchemaType.Any,
        };
    }
}
