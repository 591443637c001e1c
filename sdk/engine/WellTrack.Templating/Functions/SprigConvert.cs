using System.Globalization;
using System.Text;
using WellTrack.Templating.Parsing;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's conversions: strval, strslice and spf13/cast's ToInt64/ToFloat64 rules.</summary>
internal static class SprigConvert
{
    /// <summary>Sprig's strval: strings as is, []byte as text, Stringers through String(), else fmt %v.</summary>
    public static string StrVal(object? v) => v switch
    {
        string s => s,
        byte[] b => Encoding.UTF8.GetString(b),
        GoObject { StringerValue: { } s } => s,
        _ => GoFormatter.FormatValue(v),
    };

    /// <summary>Sprig's strslice: slices element-wise (nil elements dropped), nil as empty, else one element.</summary>
    public static List<string> StrSlice(object? v)
    {
        switch (v)
        {
            case List<object?> list:
                var result = new List<string>(list.Count);
                foreach (var item in list)
                {
                    if (item is not null)
                    {
                        result.Add(StrVal(item));
                    }
                }

                return result;
            case byte[] bytes:
                return bytes.Select(b => ((long)b).ToString(CultureInfo.InvariantCulture)).ToList();
            case null:
                return [];
            default:
                return [StrVal(v)];
        }
    }

    public static List<object?> ToObjectList(IEnumerable<string> strings) => TypedList.Strings(strings);

    /// <summary>
    /// spf13/cast ToInt64 over every Go kind: signed integers as they are, unsigned ones wrapped as Go's int64(u)
    /// wraps, floats truncate, strings parse as Go integer literals ("1.0" allowed), bools 1/0, anything else 0.
    /// </summary>
    public static long ToInt64(object? v)
    {
        switch (v)
        {
            case long l:
                return l;
            case int or short or sbyte or byte or ushort or uint:
                return Convert.ToInt64(v, CultureInfo.InvariantCulture);
            case GoInt64 g:
                return g.Value;
            case GoUnsigned u:
                return unchecked((long)u.Value);
            case ulong u:
                return unchecked((long)u);
            case float f:
                return FloatToInt64(f);
            case double d:
                return FloatToInt64(d);
            case string s:
                return NumberParser.TryParseInteger(TrimZeroDecimal(s), out var big) && big >= long.MinValue && big <= long.MaxValue ? (long)big : 0;
            case bool b:
                return b ? 1 : 0;
            default:
                return 0;
        }
    }

    /// <summary>Go's int64(f) on amd64: NaN and out-of-range values give the minimum int64.</summary>
    private static long FloatToInt64(double d)
        => double.IsNaN(d) || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18 ? long.MinValue : (long)d;

    /// <summary>spf13/cast ToFloat64 over every Go kind: numbers as float64, strings through strconv.ParseFloat, bools 1/0, else 0.</summary>
    public static double ToFloat64(object? v)
    {
        switch (v)
        {
            case double d:
                return d;
            case float single:
                return single;
            case long or int or GoInt64:
                GoTypes.IsInteger(v, out var l);
                return l;
            case short or sbyte or byte or ushort or uint or ulong:
                return Convert.ToDouble(v, CultureInfo.InvariantCulture);
            case GoUnsigned u:
                return u.Value;
            case string s:
                return NumberParser.TryParseFloat(s, out var f) ? f : 0;
            case bool b:
                return b ? 1 : 0;
            default:
                return 0;
        }
    }

    private static string TrimZeroDecimal(string s)
    {
        var foundZero = false;
        for (var i = s.Length; i > 0; i--)
        {
            switch (s[i - 1])
            {
                case '.':
                    if (foundZero)
                    {
                        return s[..(i - 1)];
                    }

                    break;
                case '0':
                    foundZero = true;
                    break;
                default:
                    return s;
            }
        }

        return s;
    }

    /// <summary>Go's byte-oriented string slicing s[start:end], failing as Go's runtime does.</summary>
    public static string ByteSlice(string s, long start, long end)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (start < 0 || end > bytes.Length || start > end)
        {
            throw new TemplateFunctionException(end > bytes.Length
                ? $"runtime error: slice bounds out of range [:{end}] with length {bytes.Length}"
                : $"runtime error: slice bounds out of range [{start}:{end}]");
        }

        return Encoding.UTF8.GetString(bytes, (int)start, (int)(end - start));
    }

    public static int ByteLength(string s) => Encoding.UTF8.GetByteCount(s);
}
