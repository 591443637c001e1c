using System.Globalization;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Serialization;

/// <summary>
/// sigs.k8s.io/yaml's conversion for Go string fields: a YAML number or bool read into a string field becomes its
/// text (so <c>appVersion: 1.10</c> reads as "1.1", <c>kind: 5</c> as "5") instead of a type error.
/// </summary>
internal static class JsonTargetString
{
    public static bool TryConvert(object? value, out string text)
    {
        switch (value)
        {
            case bool b:
                text = b ? "true" : "false";
                return true;
            case double d when Math.Floor(d) == d && Math.Abs(d) < 1e15:
                text = ((long)d).ToString(CultureInfo.InvariantCulture);
                return true;
            case double d:
                // sigs.k8s.io/yaml formats floats for string targets as strconv.FormatFloat(f, 'g', -1, 32): the
                // shortest digits that identify the float32, in Go's %g layout.
                var shortest32 = double.Parse(((float)d).ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                text = GoStrconv.FormatFloat(shortest32, 'g', -1);
                return true;
            default:
                text = string.Empty;
                return false;
        }
    }
}
