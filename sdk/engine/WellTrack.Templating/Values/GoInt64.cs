using System.Globalization;

namespace WellTrack.Templating.Values;

/// <summary>
/// Go's <c>int64</c>, kept apart from Go's <c>int</c> (a boxed C# <see cref="long"/>) because templates can see the
/// difference: Sprig's arithmetic returns int64, and passing it where a function wants int is Go's
/// "wrong type for value; expected int; got int64".
/// </summary>
public readonly record struct GoInt64(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
