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
    private readonly string _s;
    private int _i;

    private GoJsonDecoder(string s)
    {
        _s = s;
    }

    public static object? Decode(string json)
    {
        var d = new GoJsonDecoder(json);
        d.SkipSpace();
        var value = d.Value();
        d.SkipSpace();
        if (d._i < d._s.Length)
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
        if (_i < _s.Length)
        {
            return new TemplateFunctionException($"invalid character {QuoteChar(_s[_i])} {context}");
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
        while (_i < _s.Length && _s[_i] is ' ' or '\t' or '\n' or '\r')
        {
            _i++;
        }
    }

    private object? Value()
    {
        if (_i >= _s.Length)
        {
            throw Error(string.Empty);
        }

        switch (_s[_i])
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
            _i++;
            if (_i >= _s.Length || _s[_i] != word[k])
            {
                throw Error($"in literal {word} (expecting {QuoteChar(word[k])})", spaceInvalid: true);
            }
        }

        _i++;
    }

    private Dictionary<string, object?> Object()
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        _i++;
        SkipSpace();
        if (_i < _s.Length && _s[_i] == '}')
        {
            _i++;
            return map;
        }

        while (true)
        {
            SkipSpace();
            if (_i >= _s.Length || _s[_i] != '"')
            {
                throw Error("looking for beginning of object key string");
            }

            var key = String();
            SkipSpace();
            if (_i >= _s.Length || _s[_i] != ':')
            {
                throw Error("after object key");
            }

            _i++;
            SkipSpace();
            map[key] = Value();
            SkipSpace();
            if (_i < _s.Length && _s[_i] == ',')
            {
                _i++;
                continue;
            }

            if (_i < _s.Length && _s[_i] == '}')
            {
                _i++;
                return map;
            }

            throw Error("after object key:value pair");
        }
    }

    private List<object?> Array()
    {
        var list = new List<object?>();
        _i++;
        SkipSpace();
        if (_i < _s.Length && _s[_i] == ']')
        {
            _i++;
            return list;
        }

        while (true)
        {
            SkipSpace();
            list.Add(Value());
            SkipSpace();
            if (_i < _s.Length && _s[_i] == ',')
            {
                _i++;
                continue;
            }

            if (_i < _s.Length && _s[_i] == ']')
            {
                _i++;
                return list;
            }

            throw Error("after array element");
        }
    }

    private string String()
    {
        var sb = new StringBuilder();
        _i++;
        while (true)
        {
            if (_i >= _s.Length)
            {
                throw Error(string.Empty);
            }

            var c = _s[_i];
            if (c == '"')
            {
                _i++;
                return sb.ToString();
            }

            if (c < 0x20)
            {
                throw Error("in string literal");
            }

            if (c != '\\')
            {
                sb.Append(c);
                _i++;
                continue;
            }

            _i++;
            if (_i >= _s.Length)
            {
                throw Error(string.Empty);
            }

            switch (_s[_i])
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
                    if (char.IsHighSurrogate((char)code) && _i + 6 < _s.Length && _s[_i + 1] == '\\' && _s[_i + 2] == 'u')
                    {
                        var save = _i;
                        _i += 2;
                        var low = Hex4();
                        if (char.IsLowSurrogate((char)low))
                        {
                            sb.Append((char)code).Append((char)low);
                            break;
                        }

                        _i = save;
                    }

                    sb.Append(char.IsSurrogate((char)code) ? '\uFFFD' : (char)code);
                    break;
                default:
                    throw Error("in string escape code", spaceInvalid: true);
            }

            _i++;
        }
    }

    private int Hex4()
    {
        var v = 0;
        for (var k = 0; k < 4; k++)
        {
            _i++;
            if (_i >= _s.Length || !Uri.IsHexDigit(_s[_i]))
            {
                throw Error("in \\u hexadecimal character escape", spaceInvalid: true);
            }

            v = (v * 16) + Convert.ToInt32(_s[_i].ToString(), 16);
        }

        return v;
    }

    private double Number()
    {
        var start = _i;
        if (_s[_i] == '-')
        {
            _i++;
            if (_i >= _s.Length || !char.IsAsciiDigit(_s[_i]))
            {
                throw Error("in numeric literal", spaceInvalid: true);
            }
        }

        if (_s[_i] == '0')
        {
            _i++;
        }
        else
        {
            while (_i < _s.Length && char.IsAsciiDigit(_s[_i]))
            {
                _i++;
            }
        }

        if (_i < _s.Length && _s[_i] == '.')
        {
            _i++;
            if (_i >= _s.Length || !char.IsAsciiDigit(_s[_i]))
            {
                throw Error("after decimal point in numeric literal", spaceInvalid: true);
            }

            while (_i < _s.Length && char.IsAsciiDigit(_s[_i]))
            {
                _i++;
            }
        }

        if (_i < _s.Length && _s[_i] is 'e' or 'E')
        {
            _i++;
            if (_i < _s.Length && _s[_i] is '+' or '-')
            {
                _i++;
            }

            if (_i >= _s.Length || !char.IsAsciiDigit(_s[_i]))
            {
                throw Error("in exponent of numeric literal", spaceInvalid: true);
            }

            while (_i < _s.Length && char.IsAsciiDigit(_s[_i]))
            {
                _i++;
            }
        }

        return double.Parse(_s.AsSpan(start, _i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
