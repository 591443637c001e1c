using WellTrack.Templating.Values;
using static WellTrack.Templating.Functions.SprigConvert;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's dictionary functions (dict.go), with mergo's merge rules for merge and mergeOverwrite.</summary>
internal static class SprigDicts
{
    public static void Register(FunctionTableBuilder f)
    {
        f.AddVariadic("dict", P.Any, a => Dict(a));
        f.Add("get", [GoParam.Map, GoParam.String], a => ReadMap(a[0]).TryGetValue((string)a[1]!, out var v) ? v : string.Empty);
        f.Add("set", [GoParam.Map, GoParam.String, GoParam.Any], a => Set(Map(a[0]), (string)a[1]!, a[2]));
        f.Add("unset", [GoParam.Map, GoParam.String], a => a[0] is Dictionary<string, object?> m ? Unset(m, (string)a[1]!) : null);
        f.Add("hasKey", [GoParam.Map, GoParam.String], a => a[0] is Dictionary<string, object?> m && m.ContainsKey((string)a[1]!));
        f.AddVariadic("pluck", [GoParam.String, GoParam.Map], a => a.Skip(1).OfType<Dictionary<string, object?>>().Where(d => d.ContainsKey((string)a[0]!)).Select(d => d[(string)a[0]!]).ToList());
        f.AddVariadic("keys", P.Map, a => TypedList.Strings(a.OfType<Dictionary<string, object?>>().SelectMany(d => d.Keys)));
        f.AddVariadic("pick", [GoParam.Map, GoParam.String], a => Pick(ReadMap(a[0]), a.Skip(1).Cast<string>(), keep: true));
        f.AddVariadic("omit", [GoParam.Map, GoParam.String], a => Pick(ReadMap(a[0]), a.Skip(1).Cast<string>(), keep: false));
        f.Add("values", P.Map, a => ReadMap(a[0]).Values.ToList());
        f.AddVariadic("merge", [GoParam.Map, GoParam.Map], a => MergeAll(a, overwrite: false));
        f.AddVariadic("mustMerge", [GoParam.Map, GoParam.Map], a => MergeAll(a, overwrite: false));
        f.AddVariadic("mergeOverwrite", [GoParam.Map, GoParam.Map], a => MergeAll(a, overwrite: true));
        f.AddVariadic("mustMergeOverwrite", [GoParam.Map, GoParam.Map], a => MergeAll(a, overwrite: true));
        f.AddVariadic("dig", P.Any, a => Dig(a));
        f.Add("deepCopy", P.Any, a => DeepCopy(a[0]));
        f.Add("mustDeepCopy", P.Any, a => DeepCopy(a[0]));
    }

    /// <summary>A map to write into: Go panics writing a nil map.</summary>
    private static Dictionary<string, object?> Map(object? v)
        => v as Dictionary<string, object?> ?? throw new TemplateFunctionException("assignment to entry in nil map");

    /// <summary>A map to read: a nil map reads as empty in Go.</summary>
    private static Dictionary<string, object?> ReadMap(object? v)
        => v as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);

    private static Dictionary<string, object?> Dict(object?[] v)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < v.Length; i += 2)
        {
            var key = StrVal(v[i]);
            dict[key] = i + 1 >= v.Length ? string.Empty : v[i + 1];
        }

        return dict;
    }

    private static Dictionary<string, object?> Set(Dictionary<string, object?> d, string key, object? value)
    {
        d[key] = value;
        return d;
    }

    private static Dictionary<string, object?> Unset(Dictionary<string, object?> d, string key)
    {
        d.Remove(key);
        return d;
    }

    private static Dictionary<string, object?> Pick(Dictionary<string, object?> dict, IEnumerable<string> keys, bool keep)
    {
        var set = keys.ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in dict)
        {
            if (set.Contains(k) == keep)
            {
                result[k] = v;
            }
        }

        return result;
    }

    private static Dictionary<string, object?>? MergeAll(object?[] args, bool overwrite)
    {
        var dst = args[0] as Dictionary<string, object?>;
        if (dst is null)
        {
            return null;
        }

        foreach (var src in args.Skip(1))
        {
            if (src is Dictionary<string, object?> s)
            {
                Merge(dst, s, overwrite);
            }
        }

        return dst;
    }

    /// <summary>mergo.Merge on map[string]interface{}: fill empty or missing keys; with overwrite, non-empty source wins.</summary>
    private static void Merge(Dictionary<string, object?> dst, Dictionary<string, object?> src, bool overwrite)
    {
        foreach (var (key, srcValue) in src)
        {
            if (dst.TryGetValue(key, out var dstValue) && dstValue is Dictionary<string, object?> dstMap && srcValue is Dictionary<string, object?> srcMap)
            {
                Merge(dstMap, srcMap, overwrite);
                continue;
            }

            if (!dst.ContainsKey(key) || overwrite || GoTypes.IsEmpty(dstValue))
            {
                dst[key] = srcValue;
            }
        }
    }

    private static object? Dig(object?[] ps)
    {
        if (ps.Length < 3)
        {
            throw new TemplateFunctionException("dig needs at least three arguments");
        }

        var dict = ps[^1] as Dictionary<string, object?> ?? throw new TemplateFunctionException(
            $"interface conversion: interface {{}} is {GoTypes.TypeName(ps[^1])}, not map[string]interface {{}}");
        var def = ps[^2];
        for (var i = 0; i < ps.Length - 2; i++)
        {
            var key = ps[i] as string ?? throw new TemplateFunctionException(
                $"interface conversion: interface {{}} is {GoTypes.TypeName(ps[i])}, not string");
            if (!dict.TryGetValue(key, out var step))
            {
                return def;
            }

            if (i == ps.Length - 3)
            {
                return step;
            }

            dict = step as Dictionary<string, object?> ?? throw new TemplateFunctionException(
                $"interface conversion: interface {{}} is {GoTypes.TypeName(step)}, not map[string]interface {{}}");
        }

        return def;
    }

    public static object? DeepCopy(object? v) => v switch
    {
        Dictionary<string, object?> m => m.ToDictionary(kv => kv.Key, kv => DeepCopy(kv.Value), StringComparer.Ordinal),
        List<object?> l => l.Select(DeepCopy).ToList(),
        byte[] b => b.ToArray(),
        _ => v,
    };
}
