using System.Globalization;
using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Serialization;

/// <summary>
/// encoding/json's decoding into interface{}: objects, arrays, float64 numbers, strings, bools and nil, with the
/// syntax error texts of Go's scanner ("invalid character 'x' looking for beginning of value", ...).
/// </summary>
internal sealed class GoJsonDecoder
{
    private readonly string s;
    private int i;

    private GoJsonDecoder(string s)
    {
        this.s = s;
    }

    public static object? Decode(string json)
    {
        var d = new GoJsonDecoder(json);
        d.SkipSpace();
        var value = d.Value();
        d.SkipSpace();
        if (d.i < d.s.Length)
        {
            throw d.Error("after top-level value");
        }

        return value;
    }

    /// <summary>
    /// Go's scanner ends input by feeding a space: where a space is itself invalid (inside a literal, number or
    /// escape) the error names ' '; elsewhere it is "unexpected end of JSON input".
    /// </summary>
    private TemplateFunctionException Error(string context, bool spaceInvalid = false)
    {
        if (i < s.Length)
        {
            return new TemplateFunctionException($"invalid character {QuoteChar(s[i])} {context}");
        }

        return spaceInvalid
            ? new TemplateFunctionException($"invalid character ' ' {context}")
            : new TemplateFunctionException("unexpected end of JSON input");
    }

    private static string QuoteChar(char c)
    {
        if (c == '\'')
        {
            return "'\\''";
        }

        if (c == '"')
        {
            return "'\"'";
        }

        var q = GoStrconv.Quote(c.ToString());
        return "'" + q[1..^1] + "'";
    }

    private void SkipSpace()
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }
    }

    private object? Value()
    {
        if (i >= s.Length)
        {
            throw Error(string.Empty);
        }

        switch (s[i])
        {
            case '{':
                return Object();
            case '[':
                return Array();
            case '"':
                return String();
            case 't':
                Literal("true");
                return true;
            case 'f':
                Literal("false");
                return false;
            case 'n':
                Literal("null");
                return null;
            case '-' or (>= '0' and <= '9'):
                return Number();
            default:
                throw Error("looking for beginning of value");
        }
    }

    private void Literal(string word)
    {
        for (var k = 1; k < word.Length; k++)
        {
            i++;
            if (i >= s.Length || s[i] != word[k])
            {
                throw Error($"in literal {word} (expecting {QuoteChar(word[k])})", spaceInvalid: true);
            }
        }

        i++;
    }

    private Dictionary<string, object?> Object()
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        i++;
        SkipSpace();
        if (i < s.Length && s[i] == '}')
        {
            i++;
            return map;
        }

        while (true)
        {
            SkipSpace();
            if (i >= s.Length || s[i] != '"')
            {
                throw Error("looking for beginning of object key string");
            }

            var key = String();
            SkipSpace();
            if (i >= s.Length || s[i] != ':')
            {
                throw Error("after object key");
            }

            i++;
            SkipSpace();
            map[key] = Value();
            SkipSpace();
            if (i < s.Length && s[i] == ',')
            {
                i++;
                continue;
            }

            if (i < s.Length && s[i] == '}')
            {
                i++;
                return map;
            }

            throw Error("after object key:value pair");
        }
    }

    private List<object?> Array()
    {
        var list = new List<object?>();
        i++;
        SkipSpace();
        if (i < s.Length && s[i] == ']')
        {
            i++;
            return list;
        }

        while (true)
        {
            SkipSpace();
            list.Add(Value());
            SkipSpace();
            if (i < s.Length && s[i] == ',')
            {
                i++;
                continue;
            }

            if (i < s.Length && s[i] == ']')
            {
                i++;
                return list;
            }

            throw Error("after array element");
        }
    }

    private string String()
    {
        var sb = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= s.Length)
            {
                throw Error(string.Empty);
            }

            var c = s[i];
            if (c == '"')
            {
                i++;
                return sb.ToString();
            }

            if (c < 0x20)
            {
                throw Error("in string literal");
            }

            if (c != '\\')
            {
                sb.Append(c);
                i++;
                continue;
            }

            i++;
            if (i >= s.Length)
            {
                throw Error(string.Empty);
            }

            switch (s[i])
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    var code = Hex4();
                    if (char.IsHighSurrogate((char)code) && i + 6 < s.Length && s[i + 1] == '\\' && s[i + 2] == 'u')
                    {
                        var save = i;
                        i += 2;
                        var low = Hex4();
                        if (char.IsLowSurrogate((char)low))
                        {
                            sb.Append((char)code).Append((char)low);
                            break;
                        }

                        i = save;
                    }

                    sb.Append(char.IsSurrogate((char)code) ? '\uFFFD' : (char)code);
                    break;
                default:
                    throw Error("in string escape code", spaceInvalid: true);
            }

            i++;
        }
    }

    private int Hex4()
    {
        var v = 0;
        for (var k = 0; k < 4; k++)
        {
            i++;
            if (i >= s.Length || !Uri.IsHexDigit(s[i]))
            {
                throw Error("in \\u hexadecimal character escape", spaceInvalid: true);
            }

            v = (v * 16) + Convert.ToInt32(s[i].ToString(), 16);
        }

        return v;
    }

    private double Number()
    {
        var start = i;
        if (s[i] == '-')
        {
            i++;
            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                throw Error("in numeric literal", spaceInvalid: true);
            }
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                throw Error("after decimal point in numeric literal", spaceInvalid: true);
            }

            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                throw Error("in exponent of numeric literal", spaceInvalid: true);
            }

            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        return double.Parse(s.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
