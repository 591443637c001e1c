using System.Globalization;
using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Serialization;

/// <summary>
/// Go's encoding/json over the template value model: sorted map keys, HTML-safe escaping, Go's float format
/// (shortest, exponent form below 1e-6 and from 1e21), []byte as base64; decoding gives float64 numbers.
/// </summary>
public static class GoJson
{
    public static string Marshal(object? value, bool indent = false, bool escapeHtml = true)
    {
        var sb = new StringBuilder();
        Write(sb, value, indent, escapeHtml, 0);
        return sb.ToString();
    }

    public static bool TryMarshal(object? value, bool indent, bool escapeHtml, out string json)
    {
        try
        {
            json = Marshal(value, indent, escapeHtml);
            return true;
        }
        catch (TemplateFunctionException)
        {
            json = string.Empty;
            return false;
        }
    }

    private static void Write(StringBuilder sb, object? value, bool indent, bool escapeHtml, int depth)
    {
        switch (value)
        {
            case null or NoValue:
                sb.Append("null");
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case string s:
                WriteString(sb, s, escapeHtml);
                return;
            case double d:
                sb.Append(FormatFloat(d));
                return;
            case long or int or GoInt64:
                GoTypes.IsInteger(value, out var l);
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                return;
            case byte[] bytes:
                sb.Append('"').Append(Convert.ToBase64String(bytes)).Append('"');
                return;
            case Dictionary<string, object?> map:
                if (map.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append('{');
                var first = true;
                foreach (var key in GoFormatter.SortedKeys(map))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    NewLine(sb, indent, depth + 1);
                    WriteString(sb, key, escapeHtml);
                    sb.Append(indent ? ": " : ":");
                    Write(sb, map[key], indent, escapeHtml, depth + 1);
                }

                NewLine(sb, indent, depth);
                sb.Append('}');
                return;
            case TypedList { IsNil: true }:
                sb.Append("null");
                return;
            case List<object?> list:
                if (list.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }

                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, indent, depth + 1);
                    Write(sb, list[i], indent, escapeHtml, depth + 1);
                }

                NewLine(sb, indent, depth);
                sb.Append(']');
                return;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append('{');
                for (var i = 0; i < obj.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    NewLine(sb, indent, depth + 1);
                    WriteString(sb, obj[i].Name, escapeHtml);
                    sb.Append(indent ? ": " : ":");
                    Write(sb, obj[i].Value, indent, escapeHtml, depth + 1);
                }

                NewLine(sb, indent, depth);
                sb.Append('}');
                return;
            case GoObject o:
                Write(sb, o.ToPlain(), indent, escapeHtml, depth);
                return;
            default:
                throw new TemplateFunctionException("json: unsupported type: " + GoTypes.TypeName(value));
        }
    }

    private static void NewLine(StringBuilder sb, bool indent, int depth)
    {
        if (indent)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }
    }

    /// <summary>encoding/json's float64 form.</summary>
    public static string FormatFloat(double f)
    {
        if (double.IsNaN(f) || double.IsInfinity(f))
        {
            throw new TemplateFunctionException("json: unsupported value: " + GoStrconv.FormatFloat(f, 'g', -1));
        }

        var abs = Math.Abs(f);
        var fmt = abs != 0 && (abs < 1e-6 || abs >= 1e21) ? 'e' : 'f';
        var s = GoStrconv.FormatFloat(f, fmt, -1);
        if (fmt == 'e')
        {
            // Go cleans up e-09 to e-9.
            var n = s.Length;
            if (n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0')
            {
                s = s[..(n - 2)] + s[n - 1];
            }
        }

        return s;
    }

    private const string HexDigits = "0123456789abcdef";

    public static void WriteString(StringBuilder sb, string s, bool escapeHtml)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    continue;
                case '\\':
                    sb.Append("\\\\");
                    continue;
                case '\n':
                    sb.Append("\\n");
                    continue;
                case '\r':
                    sb.Append("\\r");
                    continue;
                case '\t':
                    sb.Append("\\t");
                    continue;
                case '\u2028' or '\u2029':
                    sb.Append("\\u202").Append(HexDigits[c & 0xF]);
                    continue;
            }

            if (c < ' ' || (escapeHtml && c is '<' or '>' or '&'))
            {
                sb.Append("\\u00").Append(HexDigits[c >> 4]).Append(HexDigits[c & 0xF]);
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // Unpaired surrogates are not valid UTF-8; Go writes U+FFFD for invalid bytes.
                sb.Append(c);
                continue;
            }

            sb.Append(c);
        }

        sb.Append('"');
    }

    /// <summary>json.Unmarshal into interface{}: objects, arrays, float64 numbers, strings, bools, nil.</summary>
    /// <exception cref="TemplateFunctionException">With Go's syntax error text.</exception>
    public static object? Unmarshal(string json) => GoJsonDecoder.Decode(json);
}
