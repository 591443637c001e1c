using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>text/template's predefined functions (funcs.go), with Go's results and error texts.</summary>
internal static class GoBuiltins
{
    public static void Register(FunctionTableBuilder f)
    {
        f.Add(new GoFunction("and", [GoParam.Value, GoParam.Value], variadic: true, (_, _) => null) { IsShortCircuit = true });
        f.Add(new GoFunction("or", [GoParam.Value, GoParam.Value], variadic: true, (_, _) => null) { IsShortCircuit = true });
        f.Add("not", P.Value, a => !GoTypes.IsTrue(a[0]));
        f.Add("len", P.Value, a => Length(a[0]));
        f.AddVariadic("index", [GoParam.Value, GoParam.Value], a => Index(a[0], a.AsSpan(1)));
        f.AddVariadic("slice", [GoParam.Value, GoParam.Value], a => Slice(a[0], a.AsSpan(1)));
        f.AddVariadic("print", P.Any, a => GoFormatter.Sprint(a));
        f.AddVariadic("printf", [GoParam.String, GoParam.Any], a => GoFormatter.Sprintf((string)a[0]!, a[1..]));
        f.AddVariadic("println", P.Any, a => GoFormatter.Sprintln(a));
        f.AddVariadic("html", P.Any, a => HtmlEscape(EvalArgs(a)));
        f.AddVariadic("js", P.Any, a => JsEscape(EvalArgs(a)));
        f.AddVariadic("urlquery", P.Any, a => Uri.EscapeDataString(EvalArgs(a)).Replace("%20", "+", StringComparison.Ordinal));
        f.AddVariadic("eq", [GoParam.Value, GoParam.Value], a => GoComparison.Eq(a[0], a.AsSpan(1)));
        f.Add("ne", [GoParam.Value, GoParam.Value], a => !GoComparison.Eq(a[0], a.AsSpan(1)));
        f.Add("lt", [GoParam.Value, GoParam.Value], a => GoComparison.Lt(a[0], a[1]));
        f.Add("le", [GoParam.Value, GoParam.Value], a => GoComparison.Lt(a[0], a[1]) || GoComparison.Eq(a[0], a.AsSpan(1)));
        f.Add("gt", [GoParam.Value, GoParam.Value], a => !(GoComparison.Lt(a[0], a[1]) || GoComparison.Eq(a[0], a.AsSpan(1))));
        f.Add("ge", [GoParam.Value, GoParam.Value], a => !GoComparison.Lt(a[0], a[1]));
        f.AddVariadic("call", [GoParam.Value, GoParam.Value], _ => throw new TemplateFunctionException("call is not supported: templates here cannot hold function values"));
    }

    private static long Length(object? item) => item switch
    {
        NoValue => throw new TemplateFunctionException("reflect: call of reflect.Value.Type on zero Value"),
        null => throw new TemplateFunctionException("len of nil pointer"),
        string s => Encoding.UTF8.GetByteCount(s),
        byte[] b => b.Length,
        List<object?> l => l.Count,
        Dictionary<string, object?> m => m.Count,
        GoObject { IsMap: true } o => o.Length,
        _ => throw new TemplateFunctionException("len of type " + GoTypes.TypeName(item)),
    };

    private static long IndexArg(object? index, long cap)
    {
        if (index is NoValue or null)
        {
            throw new TemplateFunctionException("cannot index slice/array with nil");
        }

        // Go indexes with any integer kind, signed or unsigned.
        if (index is GoUnsigned u)
        {
            return u.Value <= (ulong)cap ? (long)u.Value : throw new TemplateFunctionException("index out of range: " + u.FormatValue());
        }

        if (!GoTypes.IsInteger(index, out var x))
        {
            throw new TemplateFunctionException("cannot index slice/array with type " + GoTypes.TypeName(index));
        }

        if (x < 0 || x > cap)
        {
            throw new TemplateFunctionException("index out of range: " + x.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return x;
    }

    private static object? Index(object? item, ReadOnlySpan<object?> indexes)
    {
        if (item is NoValue or null)
        {
            throw new TemplateFunctionException("index of untyped nil");
        }

        foreach (var index in indexes)
        {
            switch (item)
            {
                case null:
                    throw new TemplateFunctionException("index of nil pointer");
                case List<object?> list:
                {
                    var x = IndexArg(index, list.Count);
                    if (x == list.Count)
                    {
                        throw new TemplateFunctionException("reflect: slice index out of range");
                    }

                    item = list[(int)x];
                    break;
                }

                case string s:
                {
                    var bytes = Encoding.UTF8.GetBytes(s);
                    var x = IndexArg(index, bytes.Length);
                    if (x == bytes.Length)
                    {
                        throw new TemplateFunctionException("reflect: string index out of range");
                    }

                    // Indexing a string yields a byte (uint8).
                    item = GoUnsigned.Byte(bytes[x]);
                    break;
                }

                case Dictionary<string, object?> map:
                    if (index is NoValue or null)
                    {
                        throw new TemplateFunctionException("value is nil; should be of type string");
                    }

                    if (index is not string key)
                    {
                        throw new TemplateFunctionException($"value has type {GoTypes.TypeName(index)}; should be string");
                    }

                    item = map.TryGetValue(key, out var v) ? v : (map as TypedMap)?.ZeroValue;
                    break;
                case GoObject { IsMap: true } obj:
                    if (index is not string objKey)
                    {
                        throw new TemplateFunctionException($"value has type {GoTypes.TypeName(index)}; should be string");
                    }

                    obj.TryGetField(objKey, out var field);
                    item = field;
                    break;
                default:
                    throw new TemplateFunctionException("can't index item of type " + GoTypes.TypeName(item));
            }
        }

        return item;
    }

    private static object? Slice(object? item, ReadOnlySpan<object?> indexes)
    {
        if (item is NoValue or null)
        {
            throw new TemplateFunctionException("slice of untyped nil");
        }

        if (indexes.Length > 3)
        {
            throw new TemplateFunctionException($"too many slice indexes: {indexes.Length}");
        }

        long cap;
        long length;
        switch (item)
        {
            case string s:
                if (indexes.Length == 3)
                {
                    throw new TemplateFunctionException("cannot 3-index slice a string");
                }

                cap = length = Encoding.UTF8.GetByteCount(s);
                break;
            case List<object?> l:
                cap = length = l.Count;
                break;
            default:
                throw new TemplateFunctionException("can't slice item of type " + GoTypes.TypeName(item));
        }

        var idx = new long[] { 0, length, 0 };
        for (var i = 0; i < indexes.Length; i++)
        {
            idx[i] = IndexArg(indexes[i], cap);
        }

        if (idx[0] > idx[1])
        {
            throw new TemplateFunctionException($"invalid slice index: {idx[0]} > {idx[1]}");
        }

        if (indexes.Length == 3 && idx[1] > idx[2])
        {
            throw new TemplateFunctionException($"invalid slice index: {idx[1]} > {idx[2]}");
        }

        return item switch
        {
            string s => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s), (int)idx[0], (int)(idx[1] - idx[0])),
            List<object?> l => l.GetRange((int)idx[0], (int)(idx[1] - idx[0])),
            _ => null,
        };
    }

    /// <summary>Go's evalArgs for html/js/urlquery: one string passes as is, otherwise fmt.Sprint with nil as &lt;no value&gt;.</summary>
    private static string EvalArgs(object?[] args)
    {
        if (args.Length == 1 && args[0] is string s)
        {
            return s;
        }

        var printable = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            printable[i] = args[i] ?? "<no value>";
        }

        return GoFormatter.Sprint(printable);
    }

    public static string HtmlEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "&#34;",
                '\'' => "&#39;",
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\0' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    public static string JsEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); continue;
                case '\'': sb.Append("\\'"); continue;
                case '"': sb.Append("\\\""); continue;
                case '<': sb.Append("\\u003C"); continue;
                case '>': sb.Append("\\u003E"); continue;
                case '&': sb.Append("\\u0026"); continue;
                case '=': sb.Append("\\u003D"); continue;
            }

            if (c < ' ')
            {
                sb.Append("\\u00").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            if (c < 0x80)
            {
                sb.Append(c);
                continue;
            }

            var rune = char.IsHighSurrogate(c) && i + 1 < s.Length ? char.ConvertToUtf32(c, s[++i]) : c;
            if (GoStrconv.IsPrint(rune))
            {
                sb.Append(char.ConvertFromUtf32(rune));
            }
            else
            {
                sb.Append("\\u").Append(rune.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
