using System.Text;

namespace WellTrack.Core.Secrets.Formats;

/// <summary>How a format ends an unquoted value.</summary>
[Flags]
internal enum UnquotedEnd
{
    /// <summary>The line's end; a <c> #</c> (space, hash) starts a comment.</summary>
    HashComment = 1,

    /// <summary>A <c> ;</c> starts a comment too (INI).</summary>
    SemicolonComment = 2,

    /// <summary>White space or a shell operator ends the word (shell).</summary>
    Word = 4,
}

/// <summary>Reads the value that starts at an offset of a line: double-quoted (with backslash escapes), single-quoted, or bare.</summary>
internal static class QuotedValue
{
    /// <returns>The value and the offset of its first character (after an opening quote).</returns>
    public static (string Value, int Offset) Read(string text, int start, int end, UnquotedEnd unquoted)
    {
        var at = TextLines.SkipBlanks(text, start, end);
        if (at >= end)
        {
            return (string.Empty, at);
        }

        var quote = text[at];
        if (quote is '"' or '\'')
        {
            var sb = new StringBuilder();
            for (var i = at + 1; i < end; i++)
            {
                var c = text[i];
                if (c == quote)
                {
                    break;
                }

                if (c == '\\' && quote == '"' && i + 1 < end)
                {
                    var next = text[++i];
                    sb.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
                    continue;
                }

                sb.Append(c);
            }

            return (sb.ToString(), at + 1);
        }

        var stop = end;
        for (var i = at; i < end; i++)
        {
            var c = text[i];
            if ((unquoted & UnquotedEnd.Word) != 0 && (char.IsWhiteSpace(c) || c is ';' or '&' or '|' or ')' or '`'))
            {
                stop = i;
                break;
            }

            if (i > at && text[i - 1] is ' ' or '\t'
                && (c == '#' && (unquoted & UnquotedEnd.HashComment) != 0 || c == ';' && (unquoted & UnquotedEnd.SemicolonComment) != 0))
            {
                stop = i;
                break;
            }
        }

        return (text[at..stop].TrimEnd(), at);
    }
}
