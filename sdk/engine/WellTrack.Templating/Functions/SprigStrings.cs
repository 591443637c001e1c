using System.Globalization;
using System.Text;
using WellTrack.Templating.Values;
using static WellTrack.Templating.Functions.SprigConvert;

namespace WellTrack.Templating.Functions;

/// <summary>Sprig's string functions (strings.go and the string parts of functions.go), byte-oriented like Go.</summary>
internal static class SprigStrings
{
    public static void Register(FunctionTableBuilder f)
    {
        f.Add("hello", P.None, _ => "Hello!");
        f.Add("trunc", P.IntStr, a => Trunc((long)a[0]!, (string)a[1]!));
        f.Add("trim", P.Str, a => TrimSpace((string)a[0]!));
        f.Add("upper", P.Str, a => ((string)a[0]!).ToUpperInvariant());
        f.Add("lower", P.Str, a => ((string)a[0]!).ToLowerInvariant());
        f.Add("title", P.Str, a => Title((string)a[0]!));
        f.Add("untitle", P.Str, a => Untitle((string)a[0]!));
        f.Add("substr", [GoParam.Int, GoParam.Int, GoParam.String], a => Substring((long)a[0]!, (long)a[1]!, (string)a[2]!));
        f.Add("repeat", P.IntStr, a => Repeat((long)a[0]!, (string)a[1]!));
        f.Add("trimall", P.Str2, a => ((string)a[1]!).Trim(((string)a[0]!).ToCharArray()));
        f.Add("trimAll", P.Str2, a => ((string)a[1]!).Trim(((string)a[0]!).ToCharArray()));
        f.Add("trimSuffix", P.Str2, a => TrimSuffix((string)a[1]!, (string)a[0]!));
        f.Add("trimPrefix", P.Str2, a => TrimPrefix((string)a[1]!, (string)a[0]!));
        f.Add("nospace", P.Str, a => string.Concat(((string)a[0]!).Where(c => !IsGoSpace(c))));
        f.Add("initials", P.Str, a => Initials((string)a[0]!));
        f.Add("swapcase", P.Str, a => SwapCase((string)a[0]!));
        f.Add("contains", P.Str2, a => ((string)a[1]!).Contains((string)a[0]!, StringComparison.Ordinal));
        f.Add("hasPrefix", P.Str2, a => ((string)a[1]!).StartsWith((string)a[0]!, StringComparison.Ordinal));
        f.Add("hasSuffix", P.Str2, a => ((string)a[1]!).EndsWith((string)a[0]!, StringComparison.Ordinal));
        f.AddVariadic("quote", P.Any, a => string.Join(' ', a.Where(x => x is not null).Select(x => GoStrconv.Quote(StrVal(x)))));
        f.AddVariadic("squote", P.Any, a => string.Join(' ', a.Where(x => x is not null).Select(x => "'" + StrVal(x) + "'")));
        f.AddVariadic("cat", P.Any, a => Cat(a));
        f.Add("indent", P.IntStr, a => Indent((long)a[0]!, (string)a[1]!));
        f.Add("nindent", P.IntStr, a => "\n" + Indent((long)a[0]!, (string)a[1]!));
        f.Add("replace", P.Str3, a => ((string)a[2]!).Replace((string)a[0]!, (string)a[1]!, StringComparison.Ordinal));
        f.Add("plural", [GoParam.String, GoParam.String, GoParam.Int], a => (long)a[2]! == 1 ? a[0] : a[1]);
        f.Add("toString", P.Any, a => StrVal(a[0]));
        f.Add("split", P.Str2, a => Split((string)a[1]!, (string)a[0]!, -1));
        f.Add("splitn", [GoParam.String, GoParam.Int, GoParam.String], a => Split((string)a[2]!, (string)a[0]!, (long)a[1]!));
        f.Add("splitList", P.Str2, a => ToObjectList(GoSplit((string)a[1]!, (string)a[0]!, -1)));
        f.Add("toStrings", P.Any, a => ToObjectList(StrSlice(a[0])));
        f.Add("join", [GoParam.String, GoParam.Any], a => string.Join((string)a[0]!, StrSlice(a[1])));
        f.Add("sortAlpha", P.Any, a => SortAlpha(a[0]));
        f.Add("abbrev", P.IntStr, a => Abbreviate((string)a[1]!, 0, (long)a[0]!));
        f.Add("abbrevboth", [GoParam.Int, GoParam.Int, GoParam.String], a => Abbreviate((string)a[2]!, (long)a[0]!, (long)a[1]!));
        f.Add("wrap", P.IntStr, a => Wrap((string)a[1]!, (long)a[0]!, "\n", wrapLongWords: false));
        f.Add("wrapWith", [GoParam.Int, GoParam.String, GoParam.String], a => Wrap((string)a[2]!, (long)a[0]!, (string)a[1]!, wrapLongWords: true));
    }

    public static bool IsGoSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\u0085' or '\u00A0' || (c > 0xff && char.IsWhiteSpace(c));

    /// <summary>strings.TrimSpace: Unicode white space at both ends.</summary>
    public static string TrimSpace(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsGoSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsGoSpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    private static string Trunc(long c, string s)
    {
        var length = ByteLength(s);
        if (c < 0 && length + c > 0)
        {
            return ByteSlice(s, length + c, length);
        }

        if (c >= 0 && length > c)
        {
            return ByteSlice(s, 0, c);
        }

        return s;
    }

    private static string Substring(long start, long end, string s)
    {
        var length = ByteLength(s);
        if (start < 0)
        {
            return ByteSlice(s, 0, end);
        }

        if (end < 0 || end > length)
        {
            return ByteSlice(s, start, length);
        }

        return ByteSlice(s, start, end);
    }

    private static string Repeat(long count, string s)
    {
        if (count < 0)
        {
            throw new TemplateFunctionException("strings: negative Repeat count");
        }

        return new StringBuilder(s.Length * (int)Math.Min(count, 1 << 20)).Insert(0, s, (int)count).ToString();
    }

    private static string TrimSuffix(string s, string suffix) => suffix.Length > 0 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;

    private static string TrimPrefix(string s, string prefix) => prefix.Length > 0 && s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s;

    /// <summary>strings.Title: upper-cases the first letter of each word; words are separated by non-letters/digits/underscore.</summary>
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var prev = ' ';
        foreach (var c in s)
        {
            sb.Append(IsTitleSeparator(prev) ? char.ToUpperInvariant(c) : c);
            prev = c;
        }

        return sb.ToString();
    }

    private static bool IsTitleSeparator(char c)
    {
        if (c <= 0x7F)
        {
            return !(char.IsAsciiLetterOrDigit(c) || c == '_');
        }

        return !(char.IsLetter(c) || char.IsDigit(c)) && char.IsWhiteSpace(c);
    }

    /// <summary>goutils.Uncapitalize over words split by white space.</summary>
    private static string Untitle(string s)
    {
        var sb = new StringBuilder(s.Length);
        var lastWasGap = true;
        foreach (var c in s)
        {
            if (IsGoSpace(c))
            {
                sb.Append(c);
                lastWasGap = true;
            }
            else
            {
                sb.Append(lastWasGap ? char.ToLowerInvariant(c) : c);
                lastWasGap = false;
            }
        }

        return sb.ToString();
    }

    /// <summary>goutils.Initials: walks the bytes of the string, so a non-ASCII first letter yields its first byte as a rune.</summary>
    private static string Initials(string s)
    {
        var sb = new StringBuilder();
        var lastWasGap = true;
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (IsGoSpace(c))
            {
                lastWasGap = true;
            }
            else if (lastWasGap)
            {
                sb.Append(c);
                lastWasGap = false;
            }
        }

        return sb.ToString();
    }

    /// <summary>goutils.SwapCase: upper case to lower, lower case to upper, everything else unchanged.</summary>
    private static string SwapCase(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(char.IsUpper(c) ? char.ToLowerInvariant(c) : char.IsLower(c) ? char.ToUpperInvariant(c) : c);
        }

        return sb.ToString();
    }

    private static string Cat(object?[] args)
    {
        var values = args.Where(x => x is not null).ToList();
        var format = TrimSpace(string.Concat(Enumerable.Repeat("%v ", values.Count)));
        return GoFormatter.Sprintf(format, values);
    }

    private static string Indent(long spaces, string v)
    {
        if (spaces < 0)
        {
            throw new TemplateFunctionException("strings: negative Repeat count");
        }

        var pad = new string(' ', (int)spaces);
        return pad + v.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    /// <summary>strings.SplitN: n &lt; 0 all parts, n == 0 none; an empty separator splits into characters.</summary>
    public static List<string> GoSplit(string s, string sep, long n)
    {
        if (n == 0)
        {
            return [];
        }

        if (sep.Length == 0)
        {
            var chars = new List<string>();
            for (var i = 0; i < s.Length; i++)
            {
                if (n > 0 && chars.Count == n - 1)
                {
                    chars.Add(s[i..]);
                    return chars;
                }

                var len = char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
                chars.Add(s.Substring(i, len));
                i += len - 1;
            }

            return chars;
        }

        var parts = new List<string>();
        var start = 0;
        while (n < 0 || parts.Count < n - 1)
        {
            var idx = s.IndexOf(sep, start, StringComparison.Ordinal);
            if (idx < 0)
            {
                break;
            }

            parts.Add(s[start..idx]);
            start = idx + sep.Length;
        }

        parts.Add(s[start..]);
        return parts;
    }

    private static TypedMap Split(string orig, string sep, long n)
    {
        var parts = GoSplit(orig, sep, n);
        var result = new TypedMap("string", string.Empty);
        for (var i = 0; i < parts.Count; i++)
        {
            result["_" + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        }

        return result;
    }

    private static List<object?> SortAlpha(object? list)
    {
        if (list is List<object?> or byte[])
        {
            var strings = StrSlice(list);
            strings.Sort(StringComparer.Ordinal);
            return ToObjectList(strings);
        }

        return TypedList.Strings([StrVal(list)]);
    }

    /// <summary>goutils.Abbreviate / AbbreviateFull over bytes, as Go's len and slicing are; errors (width too small) yield "".</summary>
    private static string Abbreviate(string text, long offset, long maxWidth)
    {
        var str = System.Text.Encoding.UTF8.GetBytes(text);
        string Slice(long from, long to) => SprigConvert.ByteSlice(text, from, to);
        if (str.Length == 0)
        {
            return text;
        }

        if (maxWidth < 4)
        {
            return string.Empty;
        }

        if (str.Length <= maxWidth)
        {
            return text;
        }

        if (offset > str.Length)
        {
            offset = str.Length;
        }

        if (str.Length - offset < maxWidth - 3)
        {
            offset = str.Length - (maxWidth - 3);
        }

        const string ellipsis = "...";
        if (offset <= 4)
        {
            return Slice(0, maxWidth - 3) + ellipsis;
        }

        if (maxWidth < 7)
        {
            return string.Empty;
        }

        if (offset + maxWidth - 3 < str.Length)
        {
            return ellipsis + Abbreviate(Slice(offset, str.Length), 0, maxWidth - 3);
        }

        return ellipsis + Slice(str.Length - (maxWidth - 3), str.Length);
    }

    /// <summary>goutils.WrapCustom: breaks lines at spaces so that none exceeds the width where possible.</summary>
    private static string Wrap(string str, long wrapLength, string newLine, bool wrapLongWords)
    {
        if (str.Length == 0)
        {
            return str;
        }

        if (newLine.Length == 0)
        {
            newLine = "\n";
        }

        if (wrapLength < 1)
        {
            wrapLength = 1;
        }

        var inputLineLength = str.Length;
        var offset = 0;
        var sb = new StringBuilder(inputLineLength + 32);
        while (inputLineLength - offset > wrapLength)
        {
            if (str[offset] == ' ')
            {
                offset++;
                continue;
            }

            var end = (int)wrapLength + offset + 1;
            var spaceToWrapAt = str.LastIndexOf(' ', Math.Min(end, str.Length) - 1, Math.Min(end, str.Length) - offset) ;
            if (spaceToWrapAt >= offset)
            {
                sb.Append(str, offset, spaceToWrapAt - offset).Append(newLine);
                offset = spaceToWrapAt + 1;
            }
            else if (wrapLongWords)
            {
                sb.Append(str, offset, (int)wrapLength).Append(newLine);
                offset += (int)wrapLength;
            }
            else
            {
                var next = str.IndexOf(' ', (int)wrapLength + offset);
                if (next >= 0)
                {
                    sb.Append(str, offset, next - offset).Append(newLine);
                    offset = next + 1;
                }
                else
                {
                    sb.Append(str, offset, str.Length - offset);
                    offset = inputLineLength;
                }
            }
        }

        sb.Append(str, offset, str.Length - offset);
        return sb.ToString();
    }
}
