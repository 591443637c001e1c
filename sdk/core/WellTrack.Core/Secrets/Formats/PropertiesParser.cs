namespace WellTrack.Core.Secrets.Formats;

/// <summary>
/// Java <c>.properties</c>: <c>key=value</c>, <c>key: value</c> or <c>key value</c>; <c>#</c> and <c>!</c> comments;
/// backslash escapes in keys and values. A value continued on the next line (trailing backslash) is read up to its
/// first line: a credential is one word.
/// </summary>
internal static class PropertiesParser
{
    public static IEnumerable<ConfigEntry> Parse(string text)
    {
        var continued = false;
        foreach (var (start, end) in TextLines.Of(text))
        {
            var wasContinued = continued;
            continued = end > start && text[end - 1] == '\\' && (end - 1 == start || text[end - 2] != '\\');
            var at = TextLines.SkipBlanks(text, start, end);
            if (wasContinued || at >= end || text[at] is '#' or '!')
            {
                continue;
            }

            var keyEnd = at;
            while (keyEnd < end && text[keyEnd] is not ('=' or ':' or ' ' or '\t'))
            {
                keyEnd += text[keyEnd] == '\\' ? 2 : 1;
            }

            keyEnd = Math.Min(keyEnd, end);
            var key = text[at..keyEnd].Replace("\\", string.Empty, StringComparison.Ordinal);
            var valueStart = TextLines.SkipBlanks(text, keyEnd, end);
            if (valueStart < end && text[valueStart] is '=' or ':')
            {
                valueStart = TextLines.SkipBlanks(text, valueStart + 1, end);
            }

            var valueEnd = continued ? end - 1 : end;
            var value = Unescape(text[valueStart..Math.Max(valueStart, valueEnd)]).TrimEnd();
            yield return new ConfigEntry(key, key, value, valueStart);
        }
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                sb.Append(value[i]);
                continue;
            }

            var next = value[++i];
            if (next == 'u' && i + 4 < value.Length && int.TryParse(value.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
            {
                sb.Append((char)code);
                i += 4;
                continue;
            }

            sb.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
        }

        return sb.ToString();
    }
}
