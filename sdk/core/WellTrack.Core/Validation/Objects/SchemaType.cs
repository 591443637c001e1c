namespace WellTrack.Core.Validation.Objects;

internal enum SchemaKind
{
    Object,
    Array,
    Map,
    String,
    Integer,
    Number,
    Boolean,
    IntOrString,
    Quantity,
    Bytes,
    Any,
}

/// <summary>
/// The shape the walker checks a YAML node against. Built once, lazily, from the KubernetesClient model types (built-in
/// kinds) or from the generated JSON resource (custom resources); properties resolve on first use, so recursive types
/// (JSONSchemaProps) cost nothing until a manifest reaches them.
/// </summary>
internal sealed class SchemaType
{
    private readonly Lazy<IReadOnlyDictionary<string, SchemaType>>? _properties;

    private SchemaType(SchemaKind kind, string name, SchemaType? element = null, Func<IReadOnlyDictionary<string, SchemaType>>? properties = null)
    {
        Kind = kind;
        Name = name;
        Element = element;
        if (properties is not null)
        {
            _properties = new Lazy<IReadOnlyDictionary<string, SchemaType>>(properties, LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    public static SchemaType String { get; } = new(SchemaKind.String, "string");

    public static SchemaType Integer { get; } = new(SchemaKind.Integer, "integer");

    public static SchemaType Number { get; } = new(SchemaKind.Number, "number");

    public static SchemaType Boolean { get; } = new(SchemaKind.Boolean, "boolean");

    public static SchemaType IntOrString { get; } = new(SchemaKind.IntOrString, "integer or string");

    public static SchemaType Quantity { get; } = new(SchemaKind.Quantity, "quantity");

    public static SchemaType Bytes { get; } = new(SchemaKind.Bytes, "base64 string");

    public static SchemaType Any { get; } = new(SchemaKind.Any, "any");

    public SchemaKind Kind { get; }

    /// <summary>Type name for messages (V1DeploymentSpec, or the definition name of a custom resource).</summary>
    public string Name { get; }

    /// <summary>Item type of a list, value type of a map.</summary>
    public SchemaType? Element { get; }

    public IReadOnlyDictionary<string, SchemaType> Properties
        => _properties?.Value ?? EmptyProperties;

    public IReadOnlyList<string> Required { get; private init; } = [];

    /// <summary>Allowed values of a string, when the schema enumerates them.</summary>
    public IReadOnlyList<string>? Enum { get; private init; }

    private static readonly IReadOnlyDictionary<string, SchemaType> EmptyProperties = new Dictionary<string, SchemaType>();

    public static SchemaType Object(string name, Func<IReadOnlyDictionary<string, SchemaType>> properties, IReadOnlyList<string> required)
        => new(SchemaKind.Object, name, properties: properties) { Required = required };

    public static SchemaType ArrayOf(SchemaType element) => new(SchemaKind.Array, $"list of {element.Name}", element);

    public static SchemaType MapOf(SchemaType element) => new(SchemaKind.Map, $"map of {element.Name}", element);

    public static SchemaType EnumOf(IReadOnlyList<string> values) => new(SchemaKind.String, "string") { Enum = values };

    /// <summary>Words for messages: "an integer", "a mapping (V1PodSpec)".</summary>
    public string Expected => Kind switch
    {
        SchemaKind.Object => $"a mapping ({Name})",
        SchemaKind.Array => "a list",
        SchemaKind.Map => "a mapping",
        SchemaKind.String => "a string",
        SchemaKind.Integer => "an integer",
        SchemaKind.Number => "a number",
        SchemaKind.Boolean => "a boolean (true or false)",
        SchemaKind.IntOrString => "an integer or a string",
        SchemaKind.Quantity => "a quantity (e.g. 100m, 128Mi, 2)",
        SchemaKind.Bytes => "a base64-encoded string",
        _ => "any value",
    };
}
