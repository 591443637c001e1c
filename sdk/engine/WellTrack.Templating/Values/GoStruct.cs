using System.Text;

namespace WellTrack.Templating.Values;

/// <summary>One field of a <see cref="GoStruct"/>: its Go name and value, and how encoding/json writes it.</summary>
/// <param name="JsonName">The json tag's name; null means the Go name.</param>
/// <param name="OmitEmpty">The json tag's omitempty: false, 0, "", nil and empty collections are left out.</param>
/// <param name="Embedded">An embedded struct: its fields are promoted, printed as a nested {...} and inlined in JSON.</param>
public sealed record GoField(string Name, object? Value, string? JsonName = null, bool OmitEmpty = false, bool Embedded = false);

/// <summary>
/// A Go struct with named fields in declaration order (Helm's chart.Metadata, Maintainer, kubeVersion...). Fields
/// read as their Go zero value when unset; %v prints <c>{v1 v2 ...}</c> like fmt, and encoding/json writes the fields
/// in declaration order under their json tags.
/// </summary>
public class GoStruct : GoObject
{
    private readonly string _typeName;
    private readonly GoField[] _fields;
    private readonly Dictionary<string, GoFunction>? _methods;

    public GoStruct(string typeName, GoField[] fields, Dictionary<string, GoFunction>? methods = null, string? stringer = null)
    {
        _typeName = typeName;
        _fields = fields;
        _methods = methods;
        StringerValue = stringer;
    }

    /// <summary>A struct whose fields have no json tags.</summary>
    public GoStruct(string typeName, (string Name, object? Value)[] fields, Dictionary<string, GoFunction>? methods = null, string? stringer = null)
        : this(typeName, fields.Select(f => new GoField(f.Name, f.Value)).ToArray(), methods, stringer)
    {
    }

    public override string TypeName => _typeName;

    public override string? StringerValue { get; }

    public override bool TryGetField(string name, out object? value)
    {
        foreach (var field in _fields)
        {
            if (field.Name == name)
            {
                value = field.Value;
                return true;
            }
        }

        // Go promotes the fields of embedded structs.
        foreach (var field in _fields)
        {
            if (field.Embedded && field.Value is GoObject embedded && embedded.TryGetField(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public override GoFunction? GetMethod(string name) => _methods is not null && _methods.TryGetValue(name, out var m) ? m : null;

    public override string FormatValue()
    {
        if (StringerValue is not null)
        {
            return StringerValue;
        }

        var sb = new StringBuilder("{");
        for (var i = 0; i < _fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(GoFormatter.FormatValue(_fields[i].Value));
        }

        return sb.Append('}').ToString();
    }

    /// <summary>encoding/json's view: fields in declaration order under their json names, embedded ones inlined.</summary>
    public override object? ToPlain()
    {
        var result = new JsonObject();
        foreach (var field in _fields)
        {
            if (field.Embedded && field.Value is GoObject embedded && embedded.ToPlain() is JsonObject inner)
            {
                result.AddRange(inner);
                continue;
            }

            if (field.OmitEmpty && IsEmptyForJson(field.Value))
            {
                continue;
            }

            result.Add((field.JsonName ?? field.Name, field.Value is GoObject o ? o.ToPlain() : field.Value));
        }

        return result;
    }

    private static bool IsEmptyForJson(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        long l => l == 0,
        double d => d == 0,
        System.Collections.ICollection c => c.Count == 0,
        GoObject { IsMap: true } m => m.Length == 0,
        _ => false,
    };
}

/// <summary>A JSON object whose members keep their order (a Go struct marshalled by encoding/json).</summary>
public sealed class JsonObject : List<(string Name, object? Value)>
{
}

/// <summary>Go's map[string]string: a missing key reads as "" (missingkey=zero gives the element's zero value).</summary>
public sealed class GoStringMap : GoObject
{
    private readonly Dictionary<string, object?> _entries;

    public GoStringMap(Dictionary<string, object?>? entries)
    {
        _entries = entries ?? new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    public override string TypeName => "map[string]string";

    public override bool IsMap => true;

    public override int Length => _entries.Count;

    public override bool TryGetField(string name, out object? value)
    {
        value = _entries.TryGetValue(name, out var v) ? v : string.Empty;
        return true;
    }

    public override string FormatValue() => GoFormatter.FormatValue(_entries);

    public override object? ToPlain() => _entries;
}
