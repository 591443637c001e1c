using System.Globalization;

namespace WellTrack.Templating.Values;

/// <summary>
/// A Go unsigned integer (uint8…uint64): semver's Major, Minor and Patch are uint64. It is a kind of its own in
/// Go: Sprig's conversions (spf13/cast) turn it into int64 or float64, text/template compares it with ints, a zero is
/// false, and it prints as its number.
/// </summary>
public sealed class GoUnsigned(ulong value, string typeName = "uint64") : GoObject
{
    /// <summary>A byte of a string or []byte: Go's uint8.</summary>
    public static GoUnsigned Byte(byte b) => new(b, "uint8");

    public ulong Value => value;

    public override string TypeName => typeName;

    public override string FormatValue() => value.ToString(CultureInfo.InvariantCulture);

    public override object? ToPlain() => value <= long.MaxValue ? (long)value : (double)value;
}
