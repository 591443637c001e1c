using System.Globalization;
using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Serialization;

/// <summary>
/// Byte-exact sigs.k8s.io/yaml Marshal (what Helm's toYaml prints): the value goes through encoding/json, is read
/// back by gopkg.in/yaml.v2 (so whole floats become ints) and written by yaml.v2's emitter, ported here: keys in
/// yaml.v2's natural order, block style with indentless sequences, 80-column folding of plain and quoted scalars,
/// literal blocks for multi-line strings and the same plain/single/double quoting decisions.
/// </summary>
public static class GoYamlEmitter
{
    private const int BestIndent = 2;
    private const int BestWidth = 80;

    /// <summary>The document yaml.Marshal produces, ending in a newline.</summary>
    public static string Marshal(object? value)
    {
        var e = new State();
        e.EmitNode(Normalize(value), mapping: false, simpleKey: false);
        // Document end: finish the last line.
        if (e.Column > 0 || e.Sb.Length == 0)
        {
            e.PutBreak();
        }

        return e.Sb.ToString();
    }

    /// <summary>A node after the JSON round trip: maps of string keys, lists, and scalars typed as yaml.v2 reads JSON.</summary>
    private abstract record YNode;

    private sealed record YMap(List<(string Key, YNode Value)> Entries) : YNode;

    private sealed record YList(List<YNode> Items) : YNode;

    /// <summary>A scalar: its text and whether it is a string (strings get quoting analysis, others print plain).</summary>
    private sealed record YScalar(string Text, bool IsString) : YNode;

    private static YNode Normalize(object? value)
    {
        switch (value)
        {
            case null or NoValue or TypedList { IsNil: true }:
                return new YScalar("null", false);
            case bool b:
                return new YScalar(b ? "true" : "false", false);
            case string s:
                return new YScalar(FoldRawBreaks(s), true);
            case long or int or GoInt64:
                GoTypes.IsInteger(value, out var l);
                return new YScalar(l.ToString(CultureInfo.InvariantCulture), false);
            case double d:
                return new YScalar(FloatThroughJson(d), false);
            case byte[] bytes:
                return new YScalar(Convert.ToBase64String(bytes), true);
            case Dictionary<string, object?> map:
            {
                var keys = map.Keys.ToList();
                keys.Sort(YamlKeyOrder.Compare);
                return new YMap(keys.Select(k => (k, Normalize(map[k]))).ToList());
            }

            case List<object?> list:
                return new YList(list.Select(Normalize).ToList());
            case JsonObject obj:
            {
                var keys = obj.Select(m => m.Name).Distinct().ToList();
                keys.Sort(YamlKeyOrder.Compare);
                return new YMap(keys.Select(k => (k, Normalize(obj.Last(m => m.Name == k).Value))).ToList());
            }

            case GoObject o:
                return Normalize(o.ToPlain());
            default:
                throw new TemplateFunctionException("json: unsupported type: " + GoTypes.TypeName(value));
        }
    }

    /// <summary>
    /// encoding/json leaves U+0085 (NEL) unescaped, and yaml.v2 reading the JSON text treats it as a line break
    /// inside a double-quoted scalar: folded to a space (n breaks to n-1 newlines), blanks around it dropped.
    /// </summary>
    private static string FoldRawBreaks(string s)
    {
        if (!s.Contains('\u0085'))
        {
            return s;
        }

        var sb = new System.Text.StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] != '\u0085')
            {
                sb.Append(s[i++]);
                continue;
            }

            while (sb.Length > 0 && sb[^1] is ' ' or '\t')
            {
                sb.Length--;
            }

            var breaks = 0;
            while (i < s.Length && s[i] is '\u0085' or ' ' or '\t')
            {
                breaks += s[i] == '\u0085' ? 1 : 0;
                i++;
            }

            sb.Append(breaks == 1 ? " " : new string('\n', breaks - 1));
        }

        return sb.ToString();
    }

    /// <summary>encoding/json prints the float; yaml.v2 reads that text back as an int or a float and prints it.</summary>
    private static string FloatThroughJson(double d)
    {
        var json = GoJson.FormatFloat(d);
        var (kind, parsed) = YamlScalarResolver.Resolve(json);
        return kind switch
        {
            YamlScalarKind.Int => ((long)parsed!).ToString(CultureInfo.InvariantCulture),
            YamlScalarKind.Uint => ((ulong)parsed!).ToString(CultureInfo.InvariantCulture),
            _ => GoStrconv.FormatFloat(d, 'g', -1),
        };
    }

    private sealed class State
    {
        public readonly StringBuilder Sb = new();
        public int Column;
        public bool Whitespace = true;
        public bool Indention = true;
        public int Indent = -1;
        private readonly Stack<int> _indents = new();
        private bool _simpleKeyContext;
        private bool _mappingContext;

        public void PutBreak()
        {
            Sb.Append('\n');
            Column = 0;
        }

        private void Put(char c)
        {
            Sb.Append(c);
            Column++;
        }

        private void WriteRune(int rune)
        {
            Sb.Append(char.ConvertFromUtf32(rune));
            Column++;
        }

        private void IncreaseIndent(bool flow, bool indentless)
        {
            _indents.Push(Indent);
            if (Indent < 0)
            {
                Indent = flow ? BestIndent : 0;
            }
            else if (!indentless)
            {
                Indent += BestIndent;
            }
        }

        private void PopIndent() => Indent = _indents.Pop();

        private void WriteIndent()
        {
            var indent = Math.Max(Indent, 0);
            if (!Indention || Column > indent || (Column == indent && !Whitespace))
            {
                PutBreak();
            }

            while (Column < indent)
            {
                Put(' ');
            }

            Whitespace = true;
            Indention = true;
        }

        private void WriteIndicator(string indicator, bool needWhitespace, bool isWhitespace, bool isIndention)
        {
            if (needWhitespace && !Whitespace)
            {
                Put(' ');
            }

            foreach (var c in indicator)
            {
                Put(c);
            }

            Whitespace = isWhitespace;
            Indention = Indention && isIndention;
        }

        public void EmitNode(YNode node, bool mapping, bool simpleKey)
        {
            _mappingContext = mapping;
            _simpleKeyContext = simpleKey;
            switch (node)
            {
                case YScalar scalar:
                    EmitScalar(scalar);
                    break;
                case YList { Items.Count: 0 }:
                    EmitEmptyFlow("[", "]");
                    break;
                case YMap { Entries.Count: 0 }:
                    EmitEmptyFlow("{", "}");
                    break;
                case YList list:
                    EmitBlockSequence(list);
                    break;
                case YMap map:
                    EmitBlockMapping(map);
                    break;
            }

        }

        private void EmitEmptyFlow(string open, string close)
        {
            WriteIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false);
            IncreaseIndent(flow: true, indentless: false);
            PopIndent();
            WriteIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false);
        }

        private void EmitBlockSequence(YList list)
        {
            IncreaseIndent(flow: false, indentless: _mappingContext && !Indention);
            foreach (var item in list.Items)
            {
                WriteIndent();
                WriteIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true);
                EmitNode(item, mapping: false, simpleKey: false);
            }

            PopIndent();
        }

        private void EmitBlockMapping(YMap map)
        {
            IncreaseIndent(flow: false, indentless: false);
            foreach (var (key, value) in map.Entries)
            {
                WriteIndent();
                var keyScalar = new YScalar(key, true);
                if (IsSimpleKey(key))
                {
                    EmitNode(keyScalar, mapping: true, simpleKey: true);
                    WriteIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false);
                }
                else
                {
                    WriteIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true);
                    EmitNode(keyScalar, mapping: true, simpleKey: false);
                    WriteIndent();
                    WriteIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true);
                }

                EmitNode(value, mapping: true, simpleKey: false);
            }

            PopIndent();
        }

        private static bool IsSimpleKey(string key) => !ScalarAnalysis.Analyze(key).Multiline && Encoding.UTF8.GetByteCount(key) <= 128;

        private enum Style
        {
            Plain,
            SingleQuoted,
            DoubleQuoted,
            Literal,
        }

        private void EmitScalar(YScalar scalar)
        {
            var value = scalar.Text;
            var analysis = ScalarAnalysis.Analyze(value);
            Style style;
            if (!scalar.IsString)
            {
                style = Style.Plain;
            }
            else if (value.Contains('\n'))
            {
                style = Style.Literal;
            }
            else
            {
                var (kind, _) = YamlScalarResolver.Resolve(value);
                style = kind == YamlScalarKind.String && !YamlScalarResolver.IsBase60Float(value) ? Style.Plain : Style.DoubleQuoted;
            }

            // yaml_emitter_select_scalar_style
            if (_simpleKeyContext && analysis.Multiline)
            {
                style = Style.DoubleQuoted;
            }

            if (style == Style.Plain)
            {
                if (!analysis.BlockPlainAllowed)
                {
                    style = Style.SingleQuoted;
                }

                if (value.Length == 0 && _simpleKeyContext)
                {
                    style = Style.SingleQuoted;
                }
            }

            if (style == Style.SingleQuoted && !analysis.SingleQuotedAllowed)
            {
                style = Style.DoubleQuoted;
            }

            if (style == Style.Literal && (!analysis.BlockAllowed || _simpleKeyContext))
            {
                style = Style.DoubleQuoted;
            }

            IncreaseIndent(flow: true, indentless: false);
            var allowBreaks = !_simpleKeyContext;
            switch (style)
            {
                case Style.Plain:
                    WritePlain(value, allowBreaks);
                    break;
                case Style.SingleQuoted:
                    WriteSingleQuoted(value, allowBreaks);
                    break;
                case Style.DoubleQuoted:
                    WriteDoubleQuoted(value, allowBreaks);
                    break;
                case Style.Literal:
                    WriteLiteral(value);
                    break;
            }

            PopIndent();
        }

        private static List<int> Runes(string s)
        {
            var runes = new List<int>(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    runes.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                    i++;
                }
                else
                {
                    runes.Add(s[i]);
                }
            }

            return runes;
        }

        private static bool IsBreak(int r) => r is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;

        private void WriteBreakRune(int r)
        {
            if (r == '\n')
            {
                PutBreak();
            }
            else
            {
                WriteRune(r);
                Column = 0;
            }
        }

        private void WritePlain(string value, bool allowBreaks)
        {
            if (!Whitespace)
            {
                Put(' ');
            }

            var v = Runes(value);
            var spaces = false;
            var breaks = false;
            for (var i = 0; i < v.Count; i++)
            {
                var r = v[i];
                if (r == ' ')
                {
                    if (allowBreaks && !spaces && Column > BestWidth && !(i + 1 < v.Count && v[i + 1] == ' '))
                    {
                        WriteIndent();
                    }
                    else
                    {
                        WriteRune(r);
                    }

                    spaces = true;
                }
                else if (IsBreak(r))
                {
                    if (!breaks && r == '\n')
                    {
                        PutBreak();
                    }

                    WriteBreakRune(r);
                    Indention = true;
                    breaks = true;
                }
                else
                {
                    if (breaks)
                    {
                        WriteIndent();
                    }

                    WriteRune(r);
                    Indention = false;
                    spaces = false;
                    breaks = false;
                }
            }

            Whitespace = false;
            Indention = false;
        }

        private void WriteSingleQuoted(string value, bool allowBreaks)
        {
            WriteIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false);
            var v = Runes(value);
            var spaces = false;
            var breaks = false;
            for (var i = 0; i < v.Count; i++)
            {
                var r = v[i];
                if (r == ' ')
                {
                    if (allowBreaks && !spaces && Column > BestWidth && i > 0 && i < v.Count - 1 && v[i + 1] != ' ')
                    {
                        WriteIndent();
                    }
                    else
                    {
                        WriteRune(r);
                    }

                    spaces = true;
                }
                else if (IsBreak(r))
                {
                    if (!breaks && r == '\n')
                    {
                        PutBreak();
                    }

                    WriteBreakRune(r);
                    Indention = true;
                    breaks = true;
                }
                else
                {
                    if (breaks)
                    {
                        WriteIndent();
                    }

                    if (r == '\'')
                    {
                        Put('\'');
                    }

                    WriteRune(r);
                    Indention = false;
                    spaces = false;
                    breaks = false;
                }
            }

            WriteIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false);
            Whitespace = false;
            Indention = false;
        }

        private void WriteDoubleQuoted(string value, bool allowBreaks)
        {
            WriteIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false);
            var v = Runes(value);
            var spaces = false;
            // libyaml's is_bom looks at the start of the value whatever the position: a leading BOM escapes all.
            var startsWithBom = v.Count > 0 && v[0] == 0xFEFF;
            for (var i = 0; i < v.Count; i++)
            {
                var r = v[i];
                if (!ScalarAnalysis.IsPrintable(r) || startsWithBom || IsBreak(r) || r == '"' || r == '\\')
                {
                    Put('\\');
                    switch (r)
                    {
                        case 0x00: Put('0'); break;
                        case 0x07: Put('a'); break;
                        case 0x08: Put('b'); break;
                        case 0x09: Put('t'); break;
                        case 0x0A: Put('n'); break;
                        case 0x0B: Put('v'); break;
                        case 0x0C: Put('f'); break;
                        case 0x0D: Put('r'); break;
                        case 0x1B: Put('e'); break;
                        case 0x22: Put('"'); break;
                        case 0x5C: Put('\\'); break;
                        case 0x85: Put('N'); break;
                        case 0xA0: Put('_'); break;
                        case 0x2028: Put('L'); break;
                        case 0x2029: Put('P'); break;
                        default:
                            var (letter, width) = r <= 0xFF ? ('x', 2) : r <= 0xFFFF ? ('u', 4) : ('U', 8);
                            Put(letter);
                            foreach (var digit in r.ToString("X" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
                            {
                                Put(digit);
                            }

                            break;
                    }

                    spaces = false;
                }
                else if (r == ' ')
                {
                    if (allowBreaks && !spaces && Column > BestWidth && i > 0 && i < v.Count - 1)
                    {
                        WriteIndent();
                        if (v[i + 1] == ' ')
                        {
                            Put('\\');
                        }
                    }
                    else
                    {
                        WriteRune(r);
                    }

                    spaces = true;
                }
                else
                {
                    WriteRune(r);
                    spaces = false;
                }
            }

            WriteIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false);
            Whitespace = false;
            Indention = false;
        }

        private void WriteLiteral(string value)
        {
            WriteIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false);
            var v = Runes(value);
            if (v.Count > 0 && (v[0] == ' ' || IsBreak(v[0])))
            {
                WriteIndicator(BestIndent.ToString(CultureInfo.InvariantCulture), needWhitespace: false, isWhitespace: false, isIndention: false);
            }

            string? chomp = null;
            if (v.Count == 0 || !IsBreak(v[^1]))
            {
                chomp = "-";
            }
            else if (v.Count == 1 || IsBreak(v[^2]))
            {
                chomp = "+";
            }

            if (chomp is not null)
            {
                WriteIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false);
            }

            PutBreak();
            Indention = true;
            Whitespace = true;
            var breaks = true;
            foreach (var r in v)
            {
                if (IsBreak(r))
                {
                    WriteBreakRune(r);
                    Indention = true;
                    breaks = true;
                }
                else
                {
                    if (breaks)
                    {
                        WriteIndent();
                    }

                    WriteRune(r);
                    Indention = false;
                    breaks = false;
                }
            }
        }
    }
}
