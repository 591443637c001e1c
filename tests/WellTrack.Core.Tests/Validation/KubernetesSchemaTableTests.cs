using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using WellTrack.Core.Validation.Objects;
using WellTrack.Testing;
using k8s.Models;

namespace WellTrack.Core.Tests.Validation;

/// <summary>
/// <c>Validation/Objects/KubernetesSchemaTable.cs</c> is generated here, by the reflection scan over the KubernetesClient
/// model classes and the walk of <c>kubernetes-required-fields.json</c> that <see cref="KubernetesSchema"/> used to do at
/// start-up of every process. The test fails when the checked-in table is stale (new KubernetesClient, regenerated JSON)
/// and leaves the table it generated under artifacts/received/; <c>eng/regenerate-goldens.sh --accept</c> takes it.
/// </summary>
[TestClass]
public sealed class KubernetesSchemaTableTests
{
    private const string ResourceName = "WellTrack.Core.Validation.Schema.kubernetes-required-fields.json";

    [TestMethod]
    public void TheCheckedInTableIsCurrent()
    {
        var path = Path.Combine(ValidationTestSupport.RepositoryRoot(), "sdk", "core", "WellTrack.Core", "Validation", "Objects", "KubernetesSchemaTable.cs");
        var expected = Generate();
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
        if (actual != expected)
        {
            Assert.Fail($"{path} is stale. {ReceivedFile.Write(ValidationTestSupport.RepositoryRoot(), path, expected)}");
        }
    }

    [TestMethod]
    public void EveryModelKindOfTheTableIsAKubernetesEntity()
    {
        foreach (var line in Lines(KubernetesSchemaTable.ModelKinds))
        {
            var parts = line.Split(' ');
            var entity = ModelType(parts[1]).GetCustomAttribute<KubernetesEntityAttribute>()!;
            var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
            Assert.AreEqual(parts[0], apiVersion + "/" + entity.Kind);
            Assert.IsTrue(KubernetesSchema.IsKnown(apiVersion, entity.Kind));
            Assert.AreEqual(parts[1], KubernetesSchema.Find(apiVersion, entity.Kind)!.Name);
        }
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The table's text: kinds of the model classes ([KubernetesEntity], not lists) in the order of
    /// <c>Assembly.GetTypes()</c>, custom resources of the JSON "full" list, groups, and each model type's required
    /// fields (the first JSON definition that reaches the type by walking from a kind wins).</summary>
    private static string Generate()
    {
        using var stream = typeof(KubernetesSchema).Assembly.GetManifestResourceStream(ResourceName)!;
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var definitions = root.GetProperty("definitions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var jsonKinds = root.GetProperty("kinds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        var fullKinds = root.GetProperty("full").EnumerateArray().Select(e => e.GetString()!).ToList();

        var modelKinds = new List<(string Key, string Type)>();
        var groups = new SortedSet<string>(StringComparer.Ordinal);
        var required = new Dictionary<Type, string[]>();
        var order = new List<Type>();
        var associated = new HashSet<(Type, string)>();

        void Associate(Type type, string definition)
        {
            if (!associated.Add((type, definition)) || !definitions.TryGetValue(definition, out var def))
            {
                return;
            }

            if (def.TryGetProperty("required", out var requiredFields) && !required.ContainsKey(type))
            {
                required[type] = requiredFields.EnumerateArray().Select(e => e.GetString()!).ToArray();
                order.Add(type);
            }

            if (!def.TryGetProperty("properties", out var properties))
            {
                return;
            }

            foreach (var (name, propertyType) in JsonProperties(type))
            {
                if (properties.TryGetProperty(name, out var reference) && reference.GetString() is { } text
                    && text.LastIndexOf("Def:", StringComparison.Ordinal) is var at and >= 0
                    && ModelClassWithin(propertyType) is { } child)
                {
                    Associate(child, text[(at + 4)..]);
                }
            }
        }

        foreach (var type in typeof(V1Pod).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is not { } entity || type.Name.EndsWith("List", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.AreEqual("k8s.Models." + type.Name, type.FullName, "model kinds are found by name in k8s.Models");
            var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
            var key = apiVersion + "/" + entity.Kind;
            groups.Add(entity.Group ?? string.Empty);
            if (jsonKinds.TryGetValue(key, out var definition))
            {
                Associate(type, definition);
            }

            if (!fullKinds.Contains(key))
            {
                Assert.IsFalse(modelKinds.Any(k => k.Key == key), key);
                modelKinds.Add((key, type.Name));
            }
        }

        var modelTypes = ReachableModelTypes(modelKinds.Select(k => ModelType(k.Type)));
        Assert.HasCount(order.Count, order.Select(t => t.Name).Distinct().ToList(), "required fields are keyed by type name");
        Assert.IsTrue(order.All(t => t.FullName == "k8s.Models." + t.Name));

        var text = new StringBuilder();
        text.Append("""
            // Generated by tests/WellTrack.Core.Tests/Validation/KubernetesSchemaTableTests.cs from the KubernetesClient
            // model classes and Validation/Schema/kubernetes-required-fields.json; do not edit. To regenerate, run that test
            // and then eng/regenerate-goldens.sh --accept.
            namespace WellTrack.Core.Validation.Objects;

            /// <summary>
            /// What <see cref="KubernetesSchema"/> knows of built-in kinds, precomputed from the KubernetesClient model classes so
            /// that no process loads that assembly or reflects over its 5,900 types (the native welltrack tool cannot), and
            /// what it needs at start-up from the JSON resource, so that it is parsed only when a custom resource is checked.
            /// </summary>
            internal static class KubernetesSchemaTable
            {
            """).Append('\n');
        text.Append("    /// <summary>The <c>source</c> of the JSON resource.</summary>\n");
        text.Append("    public const string JsonSource = \"").Append(root.GetProperty("source").GetString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\";\n\n");
        Section(text, "Built-in kinds: \"apiVersion/kind ModelClass\" (a class of k8s.Models).", "ModelKinds", modelKinds.Select(k => $"{k.Key} {k.Type}"));
        Section(text, "Custom resources whose whole schema is in the JSON resource: \"apiVersion/kind definition\".", "CustomKinds", fullKinds.Select(k => $"{k} {jsonKinds[k]}"));
        Section(text, "Groups of the model classes, besides the core group.", "ModelGroups", groups.Where(g => g.Length > 0));
        Section(text, "Required fields of model classes: \"ModelClass field...\".", "RequiredFields", order.Select(t => string.Join(' ', [t.Name, .. required[t]])));
        Section(text, "Properties of the model classes a kind reaches: \"ModelClass jsonName:type...\"; a type is string, integer, number, boolean, bytes, int-or-string, quantity, any, []type, map[string]type or a model class.", "ModelProperties",
            modelTypes.Select(t => string.Join(' ', [t.Name, .. JsonProperties(t).Select(p => $"{p.Name}:{TypeText(p.Type)}")])), last: true);
        text.Append("}\n");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string summary, string name, IEnumerable<string> lines, bool last = false)
    {
        text.Append("    /// <summary>").Append(summary).Append("</summary>\n");
        text.Append("    public const string ").Append(name).Append(" = \"\"\"\n");
        foreach (var line in lines)
        {
            Assert.IsFalse(line.Contains('"', StringComparison.Ordinal), line);
            text.Append("        ").Append(line).Append('\n');
        }

        text.Append("        \"\"\";\n");
        if (!last)
        {
            text.Append('\n');
        }
    }

    private static Type ModelType(string name) => typeof(V1Pod).Assembly.GetType("k8s.Models." + name, throwOnError: true)!;

    /// <summary>The model classes reachable from the kinds through their JSON properties, in the order first reached
    /// (breadth first, properties in declaration order).</summary>
    private static List<Type> ReachableModelTypes(IEnumerable<Type> kinds)
    {
        var reached = new List<Type>();
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>();
        foreach (var kind in kinds)
        {
            if (seen.Add(kind))
            {
                queue.Enqueue(kind);
            }
        }

        while (queue.TryDequeue(out var type))
        {
            reached.Add(type);
            foreach (var (_, propertyType) in JsonProperties(type))
            {
                if (ModelClassWithin(propertyType) is { } child && seen.Add(child))
                {
                    Assert.AreEqual("k8s.Models." + child.Name, child.FullName, "model classes are named without their namespace");
                    queue.Enqueue(child);
                }
            }
        }

        return reached;
    }

    private static IEnumerable<(string Name, Type Type)> JsonProperties(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } name)
            {
                Assert.IsFalse(name.Name.Contains(' ', StringComparison.Ordinal) || name.Name.Contains(':', StringComparison.Ordinal), name.Name);
                yield return (name.Name, property.PropertyType);
            }
        }
    }

    /// <summary>The model class a property holds, directly or as the element of lists and maps (any depth), tested in
    /// the order of <see cref="TypeText"/>.</summary>
    private static Type? ModelClassWithin(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(IntOrString) || type == typeof(ResourceQuantity) || type == typeof(string) || type == typeof(byte[]))
        {
            return null;
        }

        return MapValueType(type) is { } value ? ModelClassWithin(value)
            : ListItemType(type) is { } item ? ModelClassWithin(item)
            : type.Namespace == "k8s.Models" && type.IsClass ? type
            : null;
    }

    /// <summary>How the table spells a property's type: the mapping KubernetesSchema used to make by reflection.</summary>
    private static string TypeText(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "string";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "integer";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "number";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type == typeof(byte[]))
        {
            return "bytes";
        }

        if (type == typeof(IntOrString))
        {
            return "int-or-string";
        }

        if (type == typeof(ResourceQuantity))
        {
            return "quantity";
        }

        if (MapValueType(type) is { } value)
        {
            return "map[string]" + TypeText(value);
        }

        if (ListItemType(type) is { } item)
        {
            return "[]" + TypeText(item);
        }

        return type.Namespace == "k8s.Models" && type.IsClass ? type.Name : "any";
    }

    private static Type? MapValueType(Type type) => GenericArgument(type, typeof(IDictionary<,>), 1);

    private static Type? ListItemType(Type type)
        => type == typeof(string) || type == typeof(byte[]) ? null : GenericArgument(type, typeof(IEnumerable<>), 0);

    private static Type? GenericArgument(Type type, Type definition, int index)
    {
        var match = type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
        if (match is null || (definition == typeof(IDictionary<,>) && match.GetGenericArguments()[0] != typeof(string)))
        {
            return null;
        }

        return match.GetGenericArguments()[index];
    }
}
