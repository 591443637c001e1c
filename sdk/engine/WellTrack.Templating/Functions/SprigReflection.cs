using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's reflect.go (typeOf, kindOf, ...) and reflect.DeepEqual over the value model.</summary>
internal static class SprigReflection
{
    public static void Register(FunctionTableBuilder f)
    {
        f.Add("typeOf", P.Any, a => a[0] is null ? "<nil>" : GoTypes.TypeName(a[0]));
        f.Add("typeIs", [GoParam.String, GoParam.Any], a => (string)a[0]! == (a[1] is null ? "<nil>" : GoTypes.TypeName(a[1])));
        f.Add("typeIsLike", [GoParam.String, GoParam.Any], a =>
        {
            var t = a[1] is null ? "<nil>" : GoTypes.TypeName(a[1]);
            return (string)a[0]! == t || "*" + (string)a[0]! == t;
        });
        f.Add("kindOf", P.Any, a => GoTypes.KindName(a[0]));
        f.Add("kindIs", [GoParam.String, GoParam.Any], a => (string)a[0]! == GoTypes.KindName(a[1]));
        f.Add("deepEqual", P.Any2, a => DeepEqual(a[0], a[1]));
    }

    /// <summary>reflect.DeepEqual: same dynamic type and equal contents; int and int64 differ, as do int and float64.</summary>
    public static bool DeepEqual(object? x, object? y)
    {
        if (x is NoValue)
        {
            x = null;
        }

        if (y is NoValue)
        {
            y = null;
        }

        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        if (GoTypes.TypeName(x) != GoTypes.TypeName(y))
        {
            return false;
        }

        return (x, y) switch
        {
            (Dictionary<string, object?> a, Dictionary<string, object?> b) =>
                a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && DeepEqual(kv.Value, v)),
            (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(p => DeepEqual(p.First, p.Second)),
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            (double a, double b) => a == b,
            _ => Equals(x, y),
        };
    }
}
