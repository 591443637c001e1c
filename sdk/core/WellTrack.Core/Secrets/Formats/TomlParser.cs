using System.Text.RegularExpressions;

namespace WellTrack.Core.Secrets.Formats;

/// <summary>
/// Enough of TOML for credentials: <c>[table]</c> and <c>[[array]]</c> headers, bare, quoted and dotted keys,
/// basic (escaped) and literal strings, multi-line strings (read from their opening line), and the string members
/// of an inline table (<c>db = { password = "..." }</c>). Numbers, dates, booleans and arrays hold no credential.
/// </summary>
internal static partial class TomlParser
{
    public static IEnumerable<ConfigEntry> Parse(string text)
    {
        var table = string.Empty;
        var multiline = string.Empty;
        foreach (var (start, end) in TextLines.Of(text))
        {
            var line = text[start..end];
            if (multiline.Length > 0)
            {
                if (line.Contains(multiline, StringComparison.Ordinal))
                {
                    multiline = string.Empty;
                }

                continue;
            }

            var at = TextLines.SkipBlanks(text, start, end);
            if (at >= end || text[at] == '#')
            {
                continue;
            }

            if (text[at] == '[')
            {
                var header = TableHeader().Match(line);
                table = header.Success ? Unquote(header.Groups["name"].Value) : table;
                continue;
            }

            var pair = KeyValue().Match(text, at, end - at);
            if (!pair.Success)
            {
                continue;
            }

            var key = Unquote(pair.Groups["key"].Value.Trim());
            var path = table.Length == 0 ? key : $"{table}.{key}";
            var last = key[(key.LastIndexOf('.') + 1)..];
            var valueStart = pair.Index + pair.Length;
            var rest = text.AsSpan(valueStart, end - valueStart);
            if (rest.StartsWith("\"\"\"") || rest.StartsWith("'''"))
            {
                var delimiter = rest[..3].ToString();
                var close = rest[3..].IndexOf(delimiter);
                if (close < 0)
                {
                    multiline = delimiter;
                    var body = rest[3..].ToString();
                    if (body.Trim().Length > 0)
                    {
                        yield return new ConfigEntry(last, path, body.Trim(), valueStart + 3);
                    }

                    continue;
                }

                yield return new ConfigEntry(last, path, rest.Slice(3, close).ToString(), valueStart + 3);
                continue;
            }

            if (rest.Length > 0 && rest[0] is '"' or '\'')
            {
                var (value, offset) = QuotedValue.Read(text, valueStart, end, UnquotedEnd.HashComment);
                yield return new ConfigEntry(last, path, value, offset);
            }
            else if (rest.Length > 0 && rest[0] == '{')
            {
                foreach (Match member in InlineMember().Matches(text, valueStart))
                {
                    if (member.Index >= end)
                    {
                        break;
                    }

                    var inner = Unquote(member.Groups["key"].Value);
                    yield return new ConfigEntry(inner, $"{path}.{inner}", member.Groups["value"].Value, member.Groups["value"].Index);
                }
            }
        }
    }

    private static string Unquote(string key) => key.Replace("\"", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*\[\[?\s*(?<name>[^\]]+?)\s*\]\]?", RegexOptions.CultureInvariant)]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"\G(?<key>(?:[A-Za-z0-9_-]+|""[^""]*""|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|""[^""]*""|'[^']*'))*)\s*=\s*", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(?<key>[A-Za-z0-9_-]+|""[^""]*"")\s*=\s*""(?<value>(?:[^""\\\n]|\\.)*)""", RegexOptions.CultureInvariant)]
    private static partial Regex InlineMember();
}
