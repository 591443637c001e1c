using WellTrack.Templating.Execution;

namespace WellTrack.Templating.Values;

/// <summary>
/// A Go slice whose element type is not interface{} (<c>[]string</c> from splitList, keys, toStrings, Files.Lines;
/// <c>[]int</c> from until). It behaves as any list but keeps Go's type name for %T, typeOf and error messages.
/// A named slice type (Helm's <c>VersionSet</c>) also carries its name and methods: every list function takes it
/// as the slice it is, and templates still call its methods.
/// A nil slice (Sprig's rest and initial of an empty list return one) prints as <c>[]</c> like an empty one but
/// marshals as JSON <c>null</c>, so it is kept apart from an empty slice.
/// </summary>
public sealed class TypedList : List<object?>
{
    public TypedList(string elementType, IEnumerable<object?> items, string? namedType = null, IReadOnlyDictionary<string, GoFunction>? methods = null)
        : base(items)
    {
        ElementType = elementType;
        NamedType = namedType;
        Methods = methods;
    }

    private TypedList(string elementType)
        : this(elementType, [])
    {
        IsNil = true;
    }

    /// <summary>True for a Go nil slice: no elements, and <c>null</c> to encoding/json.</summary>
    public bool IsNil { get; }

    public string ElementType { get; }

    /// <summary>The declared type name of a named slice type (<c>chartutil.VersionSet</c>); null for a plain slice.</summary>
    public string? NamedType { get; }

    /// <summary>The methods of a named slice type, looked up by name as text/template does; null for a plain slice.</summary>
    public IReadOnlyDictionary<string, GoFunction>? Methods { get; }

    public static TypedList Strings(IEnumerable<string> items) => new("string", items.Select(s => (object?)s));

    /// <summary>A nil <c>[]interface{}</c>, as a Go function declared to return one gives back with <c>return nil</c>.</summary>
    public static TypedList NilInterfaces() => new("interface {}");
}

/// <summary>
/// A Go map whose values are not interface{} (<c>map[string]string</c> from split and splitn): a missing key reads
/// as the element type's zero value, and the type name shows in %T and error messages.
/// </summary>
public sealed class TypedMap : Dictionary<string, object?>
{
    public TypedMap(string valueType, object? zeroValue)
        : base(StringComparer.Ordinal)
    {
        ValueType = valueType;
        ZeroValue = zeroValue;
    }

    public string ValueType { get; }

    public object? ZeroValue { get; }
}
