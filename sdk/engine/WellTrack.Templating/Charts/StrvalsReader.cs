using System.Globalization;
using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Charts;

/// <summary>
/// Helm v3.16's strvals parser for typed <c>--set</c> values: <c>name=value</c> pairs separated by commas, dotted
/// names (at most <see cref="MaxNestedNameLevel"/> levels), <c>name[i]</c> indexes, nested (<c>a[0][1]</c>) and
/// followed by fields (<c>a[0].b</c>), <c>{a,b}</c> lists, <c>\</c> escaping the next character, and values typed
/// true/false/null, int64 or string. It keeps strvals' control flow, because its edge cases are behaviour users see:
/// a trailing comma is allowed but an empty pair is not, <c>name[0]</c> without <c>=</c> makes an empty list, and a
/// name already holding a value of another shape fails as Go's failed type assertion does.
/// </summary>
public sealed class StrvalsReader(string text)
{
    /// <summary>strvals.MaxNestedNameLevel.</summary>
    public const int MaxNestedNameLevel = 30;

    /// <summary>strvals.MaxIndex.</summary>
    public const long MaxIndex = 65536;

    private int _position;

    /// <summary>strvals.ParseInto: reads every pair into <paramref name="data"/>; throws <see cref="StrvalsException"/>.</summary>
    public void ParseInto(Dictionary<string, object?> data)
    {
        while (!Key(data, 0))
        {
        }
    }

    // Go's key() returns nil, io.EOF or an error; here false, true or a StrvalsException. Its deferred recover turns
    // a failed type assertion anywhere below it into "unable to parse key: ...".
    private bool Key(Dictionary<string, object?> data, int nestedNameLevel)
    {
        var (k, last, eof) = RunesUntil('=', '[', ',', '.');
        if (eof)
        {
            return k.Length == 0 ? true : throw new StrvalsException($"key {GoStrconv.Quote(k)} has no value");
        }

        switch (last)
        {
            case '[':
            {
                var i = KeyIndex();
                var list = data.TryGetValue(k, out var existing) ? Assert<List<object?>>(existing, "[]interface {}") : [];
                var (result, itemEof) = ListItem(list, i, nestedNameLevel);
                Set(data, k, result);
                return itemEof;
            }

            case '=':
                switch (ValList(out var values))
                {
                    case ValListOutcome.List:
                        Set(data, k, values);
                        return false;
                    case ValListOutcome.Eof:
                        Set(data, k, string.Empty);
                        return true;
                    default:
                        Set(data, k, TypedValue(Val()));
                        return false;
                }

            case ',':
                Set(data, k, string.Empty);
                throw new StrvalsException($"key {GoStrconv.Quote(k)} has no value (cannot end with ,)");

            default:
            {
                if (++nestedNameLevel > MaxNestedNameLevel)
                {
                    throw new StrvalsException($"value name nested level is greater than maximum supported nested level of {MaxNestedNameLevel}");
                }

                var inner = data.TryGetValue(k, out var existing) ? Assert<Dictionary<string, object?>>(existing, "map[string]interface {}") : new Dictionary<string, object?>(StringComparer.Ordinal);
                var innerEof = Key(inner, nestedNameLevel);
                if (!innerEof && inner.Count == 0)
                {
                    throw new StrvalsException($"key map {GoStrconv.Quote(k)} has no value");
                }

                if (inner.Count != 0)
                {
                    Set(data, k, inner);
                }

                return innerEof;
            }
        }
    }

    private (List<object?> List, bool Eof) ListItem(List<object?> list, long i, int nestedNameLevel)
    {
        if (i < 0)
        {
            throw new StrvalsException($"negative {i} index not allowed");
        }

        var (k, last, eof) = RunesUntil('[', '.', '=');
        if (k.Length > 0)
        {
            throw new StrvalsException($"unexpected data at end of array index: {GoStrconv.Quote(k)}");
        }

        if (eof)
        {
            return (list, true);
        }

        switch (last)
        {
            case '=':
                return ValList(out var values) switch
                {
                    ValListOutcome.List => (SetIndex(list, i, values), false),
                    ValListOutcome.Eof => (SetIndex(list, i, string.Empty), false),
                    _ => (SetIndex(list, i, TypedValue(Val())), false),
                };

            case '[':
            {
                var next = KeyIndex();
                var current = list.Count > i && list[(int)i] is { } existed ? Assert<List<object?>>(existed, "[]interface {}") : [];
                var (inner, innerEof) = ListItem(current, next, nestedNameLevel);

                // strvals returns the list untouched when the inner item ends the input (`a[0][1]` with no `=`).
                return innerEof ? (list, true) : (SetIndex(list, i, inner), false);
            }

            default:
            {
                var inner = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (list.Count > i)
                {
                    if (list[(int)i] is Dictionary<string, object?> map)
                    {
                        inner = map;
                    }
                    else
                    {
                        list[(int)i] = inner;
                    }
                }

                // As in strvals, a map not yet in the list stays out of it when its key ends the input.
                return Key(inner, nestedNameLevel) ? (list, true) : (SetIndex(list, i, inner), false);
            }
        }
    }

    private static List<object?> SetIndex(List<object?> list, long index, object? value)
    {
        if (index < 0)
        {
            throw new StrvalsException($"negative {index} index not allowed");
        }

        if (index > MaxIndex)
        {
            throw new StrvalsException($"index of {index} is greater than maximum supported index of {MaxIndex}");
        }

        while (list.Count <= index)
        {
            list.Add(null);
        }

        list[(int)index] = value;
        return list;
    }

    private long KeyIndex()
    {
        var (v, _, eof) = RunesUntil(']');
        if (eof)
        {
            throw new StrvalsException("error parsing index: EOF");
        }

        return Atoi(v);
    }

    private enum ValListOutcome
    {
        List,
        Eof,
        NotList,
    }

    private ValListOutcome ValList(out List<object?> list)
    {
        list = [];
        if (_position >= text.Length)
        {
            return ValListOutcome.Eof;
        }

        if (text[_position] != '{')
        {
            return ValListOutcome.NotList;
        }

        _position++;
        while (true)
        {
            var (item, last, eof) = RunesUntil(',', '}');
            if (eof)
            {
                throw new StrvalsException("list must terminate with '}'");
            }

            list.Add(TypedValue(item));
            if (last == '}')
            {
                // A comma right after the list ends the pair; anything else is read as the next key.
                if (_position < text.Length && text[_position] == ',')
                {
                    _position++;
                }

                return ValListOutcome.List;
            }
        }
    }

    private string Val() => RunesUntil(',').Value;

    private (string Value, char Last, bool Eof) RunesUntil(params char[] stop)
    {
        var value = new StringBuilder();
        while (_position < text.Length)
        {
            var c = text[_position++];
            if (Array.IndexOf(stop, c) >= 0)
            {
                return (value.ToString(), c, false);
            }

            if (c == '\\')
            {
                if (_position >= text.Length)
                {
                    break;
                }

                c = text[_position++];
            }

            value.Append(c);
        }

        return (value.ToString(), '\0', true);
    }

    /// <summary>strvals.typedVal without --set-string: true/false/null in any case, int64 unless it has a leading zero.</summary>
    private static object? TypedValue(string val)
    {
        if (val.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (val.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (val.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (val == "0")
        {
            return new GoInt64(0);
        }

        return val.Length > 0 && val[0] != '0' && IsGoInteger(val) && long.TryParse(val, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? new GoInt64(i)
            : val;
    }

    /// <summary>strconv.Atoi on a 64-bit int, with its error texts.</summary>
    private static long Atoi(string s)
    {
        if (!IsGoInteger(s))
        {
            throw new StrvalsException($"error parsing index: strconv.Atoi: parsing {GoStrconv.Quote(s)}: invalid syntax");
        }

        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? i
            : throw new StrvalsException($"error parsing index: strconv.Atoi: parsing {GoStrconv.Quote(s)}: value out of range");
    }

    private static bool IsGoInteger(string s)
    {
        var digits = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? s[1..] : s;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    private static void Set(Dictionary<string, object?> data, string key, object? value)
    {
        if (key.Length != 0)
        {
            data[key] = value;
        }
    }

    /// <summary>Go's <c>x.(T)</c> on a value strvals expects to be a list or a map, as key()'s recover reports it.</summary>
    private static T Assert<T>(object? value, string goType) where T : class =>
        value as T ?? throw new StrvalsException($"unable to parse key: interface conversion: interface {{}} is {(value is null ? "nil" : GoTypes.TypeName(value))}, not {goType}");
}
