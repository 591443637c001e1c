using System.Collections;

namespace WellTrack.Templating.Values;

/// <summary>
/// The value model shared by the engine and the functions, with Go's names and rules:
/// C# <c>null</c> = nil interface, <see cref="NoValue"/> = invalid value, <see cref="string"/>, <see cref="bool"/>,
/// <see cref="double"/> = float64, <see cref="long"/> = int, <see cref="GoInt64"/> = int64, <c>byte[]</c> = []byte,
/// <see cref="Dictionary{TKey,TValue}"/> of string to object = map[string]interface{},
/// <see cref="List{T}"/> of object = []interface{}, <see cref="GoObject"/> = structs and named types.
/// </summary>
public static class GoTypes
{
    public static string TypeName(object? value) => value switch
    {
        null => "interface {}",
        NoValue => "<invalid reflect.Value>",
        string => "string",
        bool => "bool",
        double => "float64",
        long => "int",
        GoInt64 => "int64",
        GoComplex => "complex128",
        int => "int",
        byte[] => "[]uint8",
        TypedMap m => "map[string]" + m.ValueType,
        Dictionary<string, object?> => "map[string]interface {}",
        TypedList t => t.NamedType ?? "[]" + t.ElementType,
        List<object?> => "[]interface {}",
        GoObject o => o.TypeName,
        _ => value.GetType().Name,
    };

    /// <summary>Go's reflect.Kind name, for Sprig's kindOf/kindIs.</summary>
    public static string KindName(object? value) => value switch
    {
        null or NoValue => "invalid",
        string => "string",
        bool => "bool",
        double => "float64",
        long or int => "int",
        GoInt64 => "int64",
        GoComplex => "complex128",
        byte[] or List<object?> => "slice",
        Dictionary<string, object?> => "map",
        GoObject { IsMap: true } => "map",
        GoUnsigned u => u.TypeName,
        GoObject o when o.TypeName.StartsWith('*') => "ptr", // a pointer (*semver.Version) is reflect.Ptr, not the struct
        GoObject => "struct",
        _ => "invalid",
    };

    /// <summary>text/template's isTrue: empty collections, zero numbers, "" and nil are false.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null or NoValue => false,
        bool b => b,
        string s => s.Length > 0,
        double d => d != 0,
        long l => l != 0,
        int i => i != 0,
        GoInt64 l => l.Value != 0,
        GoComplex c => c.Real != 0 || c.Imaginary != 0,
        byte[] b => b.Length > 0,
        ICollection c => c.Count > 0,
        GoObject { IsMap: true } o => o.Length > 0,
        GoUnsigned u => u.Value != 0,
        _ => true,
    };

    /// <summary>Sprig's empty(): like !IsTrue, but structs are never empty.</summary>
    public static bool IsEmpty(object? value) => !IsTrue(value);

    public static bool IsInteger(object? value, out long result)
    {
        switch (value)
        {
            case long l:
                result = l;
                return true;
            case int i:
                result = i;
                return true;
            case GoInt64 g:
                result = g.Value;
                return true;
            default:
                result = 0;
                return false;
        }
    }
}
