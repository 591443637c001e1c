namespace WellTrack.Templating.Values;

/// <summary>
/// Go's invalid <c>reflect.Value</c>: "no value at all", as opposed to C# <c>null</c>, which stands for a nil
/// <c>interface{}</c>. text/template tells them apart: a pipeline that yields nothing prints <c>&lt;no value&gt;</c>,
/// while a nil passed to <c>print</c> prints <c>&lt;nil&gt;</c>, and type checks of function arguments differ.
/// </summary>
public sealed class NoValue
{
    public static readonly NoValue Instance = new();

    private NoValue()
    {
    }

    public override string ToString() => "<no value>";
}
