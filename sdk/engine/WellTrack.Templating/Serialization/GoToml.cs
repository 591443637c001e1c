using System.Globalization;
using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Serialization;

/// <summary>
/// BurntSushi/toml's Encoder as Helm's toToml uses it: per table, plain keys first then sub-tables, each group
/// sorted; nested tables indented two spaces per level; floats always with a decimal point. Errors come back as
/// the error text, as Helm returns it.
/// </summary>
public static class GoToml
{
    public static string Encode(object? value)
    {
        if (value is GoObject o)
        {
            value = o.ToPlain();
        }

        if (value is JsonObject obj)
        {
            value = obj.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        }

        if (value is not Dictionary<string, object?> map)
        {
            return "toml: top-level values must be Go maps or structs";
        }

        var encoder = new Encoder();
        try
        {
            encoder.Table([], map);
        }
        catch (TemplateFunctionException e)
        {
            return e.Message;
        }

        return encoder.ToString();
    }

    private sealed class Encoder
    {
        private readonly StringBuilder _sb = new();
        private bool _hasWritten;

        public override string ToString() => _sb.ToString();

        private void Write(string s)
        {
            _sb.Append(s);
            _hasWritten = true;
        }

        private void NewLine()
        {
            if (_hasWritten)
            {
                _sb.Append('\n');
            }
        }

        private static string Indent(List<string> key) => string.Concat(Enumerable.Repeat("  ", Math.Max(key.Count - 1, 0)));

        private static string QuoteKey(string k) => k.Length > 0 && k.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? k : Quoted(k);

        private static string KeyString(IReadOnlyList<string> key) => string.Join('.', key.Select(QuoteKey));

        private static bool IsTable(object? v) => v is Dictionary<string, object?> or GoObject;

        private static bool IsTableArray(object? v) => v is List<object?> { Count: > 0 } l && l.TrueForAll(x => x is null || IsTable(x)) && l.Exists(IsTable);

        public void Table(List<string> key, Dictionary<string, object?> map)
        {
            var direct = map.Keys.Where(k => !IsTable(map[k]) && !IsTableArray(map[k])).OrderBy(k => k, StringComparer.Ordinal);
            var sub = map.Keys.Where(k => IsTable(map[k]) || IsTableArray(map[k])).OrderBy(k => k, StringComparer.Ordinal);
            foreach (var k in direct.Concat(sub))
            {
                var v = map[k];
                if (v is null or NoValue)
                {
                    continue;
                }

                EncodeValue([.. key, k], v);
            }
        }

        private void EncodeValue(List<string> key, object? v)
        {
            switch (v)
            {
                case Dictionary<string, object?> m:
                    if (key.Count == 1)
                    {
                        NewLine();
                    }

                    Write($"{Indent(key)}[{KeyString(key)}]");
                    NewLine();
                    Table(key, m);
                    return;
                case GoObject o:
                    EncodeValue(key, o.ToPlain());
                    return;
                case List<object?> l when IsTableArray(l):
                    foreach (var item in l)
                    {
                        if (item is null)
                        {
                            continue;
                        }

                        NewLine();
                        Write($"{Indent(key)}[[{KeyString(key)}]]");
                        NewLine();
                        Table(key, item as Dictionary<string, object?> ?? (Dictionary<string, object?>)((GoObject)item).ToPlain()!);
                    }

                    return;
                default:
                    Write($"{Indent(key)}{QuoteKey(key[^1])} = ");
                    Element(v);
                    NewLine();
                    return;
            }
        }

        private void Element(object? v)
        {
            switch (v)
            {
                case string s:
                    Write(Quoted(s));
                    break;
                case bool b:
                    Write(b ? "true" : "false");
                    break;
                case long or int or GoInt64:
                    GoTypes.IsInteger(v, out var l);
                    Write(l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    if (double.IsNaN(d))
                    {
                        Write("nan");
                    }
                    else if (double.IsInfinity(d))
                    {
                        Write(d > 0 ? "inf" : "-inf");
                    }
                    else
                    {
                        var f = GoStrconv.FormatFloat(d, 'f', -1);
                        Write(f.Contains('.') ? f : f + ".0");
                    }

                    break;
                case List<object?> list:
                    Write("[");
                    for (var i = 0; i < list.Count; i++)
                    {
                        Element(list[i]);
                        if (i != list.Count - 1)
                        {
                            Write(", ");
                        }
                    }

                    Write("]");
                    break;
                case Dictionary<string, object?> m:
                    Write("{");
                    var first = true;
                    foreach (var k in m.Keys.OrderBy(k => k, StringComparer.Ordinal))
                    {
                        if (m[k] is null)
                        {
                            continue;
                        }

                        if (!first)
                        {
                            Write(", ");
                        }

                        first = false;
                        Write(QuoteKey(k) + " = ");
                        Element(m[k]);
                    }

                    Write("}");
                    break;
                case null:
                    throw new TemplateFunctionException("toml: cannot encode a nil value in an array");
                default:
                    Write(Quoted(GoFormatter.FormatValue(v)));
                    break;
            }
        }

        private static string Quoted(string s)
        {
            var sb = new StringBuilder("\"");
            foreach (var c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\f': sb.Append("\\f"); break;
                    case '\r': sb.Append("\\r"); break;
                    default:
                        if (c < 0x20 || c == 0x7f)
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.Append('"').ToString();
        }
    }
}
