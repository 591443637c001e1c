using WellTrack.Templating.Values;
using static WellTrack.Templating.Functions.SprigConvert;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's list functions (list.go): each has a panicking form and a must* form returning the error.</summary>
internal static class SprigLists
{
    public static void Register(FunctionTableBuilder f)
    {
        f.AddVariadic("list", P.Any, a => a.ToList());
        f.AddVariadic("tuple", P.Any, a => a.ToList());
        RegisterPair(f, "push", P.Any2, a => Push(a[0], a[1]));
        RegisterPair(f, "append", P.Any2, a => Push(a[0], a[1]));
        RegisterPair(f, "prepend", P.Any2, a => Prepend(a[0], a[1]));
        RegisterPair(f, "first", P.Any, a => Elements(a[0], "Cannot find first on type ") is { Count: > 0 } l ? l[0] : null);
        RegisterPair(f, "last", P.Any, a => Elements(a[0], "Cannot find last on type ") is { Count: > 0 } l ? l[^1] : null);
        RegisterPair(f, "rest", P.Any, a => Elements(a[0], "Cannot find rest on type ") is { Count: > 0 } l ? l.GetRange(1, l.Count - 1) : TypedList.NilInterfaces());
        RegisterPair(f, "initial", P.Any, a => Elements(a[0], "Cannot find initial on type ") is { Count: > 0 } l ? l.GetRange(0, l.Count - 1) : TypedList.NilInterfaces());
        RegisterPair(f, "reverse", P.Any, a => Reverse(a[0]));
        RegisterPair(f, "compact", P.Any, a => Elements(a[0], "Cannot compact on type ").Where(x => !GoTypes.IsEmpty(x)).ToList());
        RegisterPair(f, "uniq", P.Any, a => Uniq(a[0]));
        RegisterPair(f, "without", P.Any2, a => Without(a[0], a[1..]), variadic: true);
        RegisterPair(f, "has", P.Any2, a => Has(a[0], a[1]));
        RegisterPair(f, "slice", P.Any2, a => Slice(a[0], a[1..]), variadic: true);
        RegisterPair(f, "chunk", [GoParam.Int, GoParam.Any], a => Chunk((long)a[0]!, a[1]));
        f.AddVariadic("concat", P.Any, a => Concat(a));
        f.Add("until", P.Int, a => UntilStep(0, (long)a[0]!, (long)a[0]! < 0 ? -1 : 1));
        f.Add("untilStep", [GoParam.Int, GoParam.Int, GoParam.Int], a => UntilStep((long)a[0]!, (long)a[1]!, (long)a[2]!));
    }

    /// <summary>Registers NAME (errors become Go panics, reported the same way) and mustNAME.</summary>
    private static void RegisterPair(FunctionTableBuilder f, string name, GoParam[] parameters, Func<object?[], object?> body, bool variadic = false)
    {
        var must = "must" + char.ToUpperInvariant(name[0]) + name[1..];
        if (variadic)
        {
            f.AddVariadic(name, parameters, body);
            f.AddVariadic(must, parameters, body);
        }
        else
        {
            f.Add(name, parameters, body);
            f.Add(must, parameters, body);
        }
    }

    /// <summary>The elements of a Go slice, or Sprig's error naming the reflect kind; nil panics as in Go.</summary>
    public static List<object?> Elements(object? list, string errorPrefix) => list switch
    {
        List<object?> l => l,
        byte[] b => b.Select(x => (object?)GoUnsigned.Byte(x)).ToList(),
        null => throw new TemplateFunctionException("runtime error: invalid memory address or nil pointer dereference"),
        _ => throw new TemplateFunctionException(errorPrefix + GoTypes.KindName(list)),
    };

    private static List<object?> Push(object? list, object? v)
    {
        var copy = new List<object?>(Elements(list, "Cannot push on type ")) { v };
        return copy;
    }

    private static List<object?> Prepend(object? list, object? v)
    {
        var copy = new List<object?> { v };
        copy.AddRange(Elements(list, "Cannot prepend on type "));
        return copy;
    }

    private static List<object?> Reverse(object? list)
    {
        var copy = new List<object?>(Elements(list, "Cannot find reverse on type "));
        copy.Reverse();
        return copy;
    }

    private static List<object?> Uniq(object? list)
    {
        var dest = new List<object?>();
        foreach (var item in Elements(list, "Cannot find uniq on type "))
        {
            if (!dest.Exists(x => SprigReflection.DeepEqual(x, item)))
            {
                dest.Add(item);
            }
        }

        return dest;
    }

    private static List<object?> Without(object? list, object?[] omit)
    {
        var result = new List<object?>();
        foreach (var item in Elements(list, "Cannot find without on type "))
        {
            if (!omit.Any(o => SprigReflection.DeepEqual(o, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static bool Has(object? needle, object? haystack)
    {
        if (haystack is null)
        {
            return false;
        }

        return Elements(haystack, "Cannot find has on type ").Exists(x => SprigReflection.DeepEqual(x, needle));
    }

    private static object? Slice(object? list, object?[] indices)
    {
        var l = Elements(list, "list should be type of slice or array but ");
        if (l.Count == 0)
        {
            return null;
        }

        var start = indices.Length > 0 ? ToInt64(indices[0]) : 0;
        var end = indices.Length < 2 ? l.Count : ToInt64(indices[1]);
        if (start < 0 || end > l.Count || start > end)
        {
            // Sprig calls reflect.Value.Slice unchecked; the engine reports the panic text Go's safe call turns into
            // the error. Go bounds the end by the slice's capacity, which a decoded list does not expose; its length
            // is the bound here (go-exec-suite `slice-*` cases).
            throw new TemplateFunctionException("reflect.Value.Slice: slice index out of bounds");
        }

        // reflect's Slice keeps the slice's type ([]string, a VersionSet), unlike the functions that build a new list.
        var part = l.GetRange((int)start, (int)(end - start));
        return l is TypedList typed ? new TypedList(typed.ElementType, part, typed.NamedType, typed.Methods) : part;
    }

    private static List<object?> Chunk(long size, object? list)
    {
        var l = Elements(list, "Cannot chunk type ");
        var count = (int)(Math.Floor((l.Count - 1) / (double)size) + 1);
        var result = new List<object?>(Math.Max(count, 0));
        for (var i = 0; i < count; i++)
        {
            var clen = (int)size;
            if (i == count - 1)
            {
                clen = (int)Math.Floor(l.Count % (double)size);
                if (clen == 0)
                {
                    clen = (int)size;
                }
            }

            result.Add(l.GetRange(i * (int)size, clen));
        }

        return result;
    }

    private static List<object?> Concat(object?[] lists)
    {
        var result = new List<object?>();
        foreach (var list in lists)
        {
            switch (list)
            {
                case List<object?> l:
                    result.AddRange(l);
                    break;
                case byte[] b:
                    result.AddRange(b.Select(x => (object?)GoUnsigned.Byte(x)));
                    break;
                case null:
                    throw new TemplateFunctionException("runtime error: invalid memory address or nil pointer dereference");
                default:
                    throw new TemplateFunctionException("Cannot concat type " + GoTypes.KindName(list) + " as list");
            }
        }

        return result;
    }

    private static List<object?> UntilStep(long start, long stop, long step)
    {
        var v = new TypedList("int", []);
        if (stop < start)
        {
            if (step >= 0)
            {
                return v;
            }

            for (var i = start; i > stop; i += step)
            {
                v.Add(i);
            }

            return v;
        }

        if (step <= 0)
        {
            return v;
        }

        for (var i = start; i < stop; i += step)
        {
            v.Add(i);
        }

        return v;
    }
}
