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

/// <summary>What a null value means where a type is expected.</summary>
internal enum NullHandling
{
    /// <summary>Built-in kinds: null is "not set", wherever it is written.</summary>
    NotSet,

    /// <summary>A CustomResourceDefinition's <c>nullable: true</c>: null is a value (it satisfies <c>required</c>).</summary>
    Nullable,

    /// <summary>A CustomResourceDefinition's default: the API server prunes a null field of an object (so it is "not
    /// set") but validates a null list item, and rejects it.</summary>
    NotNullable,
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

    /// <summary>A copy (for <see cref="WithConstraints"/>): shares the properties, resolved or not.</summary>
    private SchemaType(SchemaType other)
    {
        Kind = other.Kind;
        Name = other.Name;
        Element = other.Element;
        _properties = other._properties;
        Required = other.Required;
        Enum = other.Enum;
        AdditionalProperties = other.AdditionalProperties;
        PreservesUnknownFields = other.PreservesUnknownFields;
        Null = other.Null;
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

    /// <summary>Of an object with properties: the type of fields it does not list (a CustomResourceDefinition's
    /// <c>additionalProperties</c> beside <c>properties</c>); null: such fields are unknown.</summary>
    public SchemaType? AdditionalProperties { get; private init; }

    /// <summary>Of an object: fields it does not list are kept as they are (<c>x-kubernetes-preserve-unknown-fields</c>);
    /// the fields it lists are still checked.</summary>
    public bool PreservesUnknownFields { get; private init; }

    public NullHandling Null { get; private init; }

    private static readonly IReadOnlyDictionary<string, SchemaType> EmptyProperties = new Dictionary<string, SchemaType>();

    public static SchemaType Object(string name, Func<IReadOnlyDictionary<string, SchemaType>> properties, IReadOnlyList<string> required)
        => new(SchemaKind.Object, name, properties: properties) { Required = required };

    public static SchemaType ArrayOf(SchemaType element) => new(SchemaKind.Array, $"list of {element.Name}", element);

    public static SchemaType MapOf(SchemaType element) => new(SchemaKind.Map, $"map of {element.Name}", element);

    public static SchemaType EnumOf(IReadOnlyList<string> values) => new(SchemaKind.String, "string") { Enum = values };

    /// <summary>An object as a CustomResourceDefinition's schema describes it: its properties already built, and
    /// what it does with fields it does not list.</summary>
    public static SchemaType OpenObject(string name, IReadOnlyDictionary<string, SchemaType> properties, IReadOnlyList<string> required, SchemaType? additionalProperties, bool preservesUnknownFields)
        => new(SchemaKind.Object, name, properties: () => properties)
        {
            Required = required,
            AdditionalProperties = additionalProperties,
            PreservesUnknownFields = preservesUnknownFields,
        };

    /// <summary>This type with a CustomResourceDefinition's <c>enum</c> (of any scalar type) and <c>nullable</c>.</summary>
    public SchemaType WithConstraints(IReadOnlyList<string>? allowed, NullHandling nullHandling)
        => allowed is null && nullHandling == Null ? this : new SchemaType(this) { Enum = allowed ?? Enum, Null = nullHandling };

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
