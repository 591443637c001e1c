using System.Text;

namespace WellTrack.Templating.Values;

/// <summary>
/// A Go struct with named fields in declaration order (Helm's chart.Metadata, Maintainer, kubeVersion...). Fields
/// read as their Go zero value when unset; %v prints <c>{v1 v2 ...}</c> like fmt.
/// </summary>
public class GoStruct : GoObject
{
    private readonly string typeName;
    private readonly (string Name, object? Value)[] fields;
    private readonly Dictionary<string, GoFunction>? methods;

    public GoStruct(string typeName, (string Name, object? Value)[] fields, Dictionary<string, GoFunction>? methods = null, string? stringer = null)
    {
        this.typeName = typeName;
        this.fields = fields;
        this.methods = methods;
        StringerValue = stringer;
    }

    public override string TypeName => typeName;

    public override string? StringerValue { get; }

    public override bool TryGetField(string name, out object? value)
    {
        foreach (var (n, v) in fields)
        {
            if (n == name)
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    public override GoFunction? GetMethod(string name) => methods is not null && methods.TryGetValue(name, out var m) ? m : null;

    public override string FormatValue()
    {
        if (StringerValue is not null)
        {
            return StringerValue;
        }

        var sb = new StringBuilder("{");
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(GoFormatter.FormatValue(fields[i].Value));
        }

        return sb.Append('}').ToString();
    }

    /// <summary>encoding/json view: fields by their JSON names when given as "Name|json", omitting empty ones.</summary>
    public override object? ToPlain()
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            map[name] = value is GoObject o ? o.ToPlain() : value;
        }

        return map;
    }
}

/// <summary>Go's map[string]string: a missing key reads as "" (missingkey=zero gives the element's zero value).</summary>
public sealed class GoStringMap : GoObject
{
    private readonly Dictionary<string, object?> entries;

    public GoStringMap(Dictionary<string, object?>? entries)
    {
        this.entries = entries ?? new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    public override string TypeName => "map[string]string";

    public override bool IsMap => true;

    public override int Length => entries.Count;

    public override bool TryGetField(string name, out object? value)
    {
        value = entries.TryGetValue(name, out var v) ? v : string.Empty;
        return true;
    }

    public override string FormatValue() => GoFormatter.FormatValue(entries);

    public override object? ToPlain() => entries;
}
