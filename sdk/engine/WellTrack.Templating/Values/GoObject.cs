namespace WellTrack.Templating.Values;

/// <summary>
/// A Go struct or named type exposed to templates (<c>.Chart</c>, <c>.Capabilities</c>, <c>.Files</c>): fields and
/// methods are looked up by name, as text/template does through reflection, but only over what the subclass lists,
/// so templates cannot reach anything else.
/// </summary>
public abstract class GoObject
{
    /// <summary>The Go type name used in error messages and by <c>typeOf</c>, e.g. <c>*chart.Metadata</c>.</summary>
    public abstract string TypeName { get; }

    /// <summary>True for struct-like types (field access); false for map-like ones (key access with zero values).</summary>
    public virtual bool IsMap => false;

    public virtual bool TryGetField(string name, out object? value)
    {
        value = null;
        return false;
    }

    public virtual GoFunction? GetMethod(string name) => null;

    /// <summary>The value <c>%v</c> prints; structs print as <c>{a b}</c>, Stringers through String().</summary>
    public abstract string FormatValue();

    /// <summary>For Stringers (a String() method): the string Sprig's strval and fmt's %s use.</summary>
    public virtual string? StringerValue => null;

    /// <summary>What encoding/json would marshal: a map, list or scalar of the plain value model.</summary>
    public abstract object? ToPlain();

    /// <summary>Length for <c>len</c>, truthiness and ranging, for map-like objects; -1 when not a collection.</summary>
    public virtual int Length => -1;
}
