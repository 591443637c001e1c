using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WellTrack.Templating.Charts;

/// <summary>
/// --set as Helm's strvals parses it for the common forms: comma-separated <c>key=value</c> pairs, dotted keys,
/// <c>name[i]</c> list indexes, backslash escapes, and values typed true/false/null/integers (int64) or strings.
/// </summary>
public static partial class SetValueParser
{
    public static void Apply(string set, Dictionary<string, object?> data)
    {
        foreach (var pair in SplitUnescaped(set, ','))
        {
            var eq = IndexUnescaped(pair, '=');
            if (eq < 0)
            {
                throw new ChartLoadException($"failed parsing --set data: key {Values.GoStrconv.Quote(pair)} has no value");
            }

            SetPath(data, SplitUnescaped(pair[..eq], '.'), TypedValue(Unescape(pair[(eq + 1)..])));
        }
    }

    private static void SetPath(Dictionary<string, object?> data, List<string> keys, object? value)
    {
        var k = Unescape(keys[0]);
        var m = Indexed().Match(k);
        if (m.Success)
        {
            var i = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var name = m.Groups[1].Value;
            var list = data.TryGetValue(name, out var existing) && existing is List<object?> l ? l : new List<object?>();
            while (list.Count <= i)
            {
                list.Add(null);
            }

            if (keys.Count == 1)
            {
                list[i] = value;
            }
            else
            {
                var inner = list[i] as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
                SetPath(inner, keys.GetRange(1, keys.Count - 1), value);
                list[i] = inner;
            }

            data[name] = list;
            return;
        }

        if (keys.Count == 1)
        {
            data[k] = value;
            return;
        }

        if (!data.TryGetValue(k, out var child) || child is not Dictionary<string, object?> childMap)
        {
            childMap = new Dictionary<string, object?>(StringComparer.Ordinal);
            data[k] = childMap;
        }

        SetPath(childMap, keys.GetRange(1, keys.Count - 1), value);
    }

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
            return new Values.GoInt64(0);
        }

        if (val.Length > 0 && val[0] != '0' && long.TryParse(val, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            return new Values.GoInt64(i);
        }

        return val;
    }

    private static List<string> SplitUnescaped(string s, char sep)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
                continue;
            }

            if (s[i] == sep)
            {
                parts.Add(s[start..i]);
                start = i + 1;
            }
        }

        parts.Add(s[start..]);
        return parts;
    }

    private static int IndexUnescaped(string s, char c)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
                continue;
            }

            if (s[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
            }

            sb.Append(s[i]);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(.*)\[(\d+)\]$")]
    private static partial Regex Indexed();
}
