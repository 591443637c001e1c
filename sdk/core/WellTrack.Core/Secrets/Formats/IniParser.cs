namespace WellTrack.Core.Secrets.Formats;

/// <summary>
/// INI-style files (<c>.ini</c>, <c>.cfg</c>, <c>.conf</c>, <c>my.cnf</c>, <c>.npmrc</c>, <c>.pypirc</c>,
/// <c>.gitconfig</c>): <c>[section]</c> headers, <c>key = value</c> (or <c>key: value</c> for a one-word key),
/// <c>#</c> and <c>;</c> comments. A key with a path (<c>//registry.npmjs.org/:_authToken</c>) is named by its last part.
/// </summary>
internal static class IniParser
{
    public static IEnumerable<ConfigEntry> Parse(string text)
    {
        var section = string.Empty;
        foreach (var (start, end) in TextLines.Of(text))
        {
            var at = TextLines.SkipBlanks(text, start, end);
            if (at >= end || text[at] is '#' or ';')
            {
                continue;
            }

            if (text[at] == '[')
            {
                var close = text.IndexOf(']', at, end - at);
                section = close > at ? text[(at + 1)..close].Trim().Trim('"') : section;
                continue;
            }

            var equals = text.IndexOf('=', at, end - at);
            var separator = equals;
            if (separator < 0)
            {
                var colon = text.IndexOf(':', at, end - at);
                separator = colon > at && !text.AsSpan(at, colon - at).ContainsAny(' ', '\t') ? colon : -1;
            }

            if (separator <= at)
            {
                continue;
            }

            var rawKey = text[at..separator].Trim();
            var cut = rawKey.LastIndexOfAny([':', '/']);
            var key = cut >= 0 && cut < rawKey.Length - 1 ? rawKey[(cut + 1)..] : rawKey;
            var (value, offset) = QuotedValue.Read(text, separator + 1, end, UnquotedEnd.HashComment | UnquotedEnd.SemicolonComment);
            yield return new ConfigEntry(key, section.Length == 0 ? key : $"{section}.{key}", value, offset);
        }
    }
}
