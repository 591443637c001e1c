using System.Text;

namespace WellTrack.Templating.Functions;

/// <summary>
/// Sprig's snakecase, camelcase, kebabcase and shuffle: ports of huandu/xstrings' word splitting (upper-case runs,
/// numbers, punctuation and connectors - _ and white space) so that edge cases match.
/// </summary>
internal static class SprigCase
{
    public static void Register(FunctionTableBuilder f)
    {
        f.Add("snakecase", P.Str, a => CamelCaseToLowerCase((string)a[0]!, '_'));
        f.Add("kebabcase", P.Str, a => CamelCaseToLowerCase((string)a[0]!, '-'));
        f.Add("camelcase", P.Str, a => ToCamelCase((string)a[0]!));
        f.Add("shuffle", P.Str, (ctx, a) => Shuffle((string)a[0]!, ctx.Execution.Environment.Random));
    }

    private enum Word
    {
        Invalid,
        Number,
        UpperCase,
        Alphabet,
        Connector,
        Punct,
        Other,
    }

    private static int[] Runes(string s) => s.EnumerateRunes().Select(r => r.Value).ToArray();

    private static bool IsConnector(int r) => r is '-' or '_' || Rune.IsWhiteSpace(new Rune(r));

    private static bool IsUpper(int r) => Rune.IsUpper(new Rune(r));

    private static bool IsPunct(int r) => Rune.IsPunctuation(new Rune(r));

    private static bool IsNumber(int r) => Rune.IsNumber(new Rune(r));

    /// <summary>xstrings' isAlphabet: letters, except common CJK ideographs.</summary>
    private static bool IsAlphabet(int r) => Rune.IsLetter(new Rune(r)) && !(r >= 0x4E00 && r <= 0x9FCC) && !(r >= 0x3400 && r <= 0x4DB5) && !(r >= 0x20000 && r <= 0x2A6D6);

    private static string ToLowerRune(int r) => char.ConvertFromUtf32(Rune.ToLowerInvariant(new Rune(r)).Value);

    private static string ToUpperRune(int r) => char.ConvertFromUtf32(Rune.ToUpperInvariant(new Rune(r)).Value);

    private static string ToCamelCase(string str)
    {
        var s = Runes(str);
        if (s.Length == 0)
        {
            return string.Empty;
        }

        var buf = new StringBuilder();
        var i = 0;
        var r0 = 0;
        while (i < s.Length)
        {
            r0 = s[i++];
            if (!IsConnector(r0))
            {
                r0 = Rune.ToUpperInvariant(new Rune(r0)).Value;
                break;
            }

            buf.Append(char.ConvertFromUtf32(r0));
        }

        if (i >= s.Length)
        {
            // As xstrings: the last rune read is written again even when it was a connector already written.
            buf.Append(char.ConvertFromUtf32(r0));
            return buf.ToString();
        }

        while (i < s.Length)
        {
            var r1 = r0;
            r0 = s[i++];
            if (IsConnector(r0) && IsConnector(r1))
            {
                buf.Append(char.ConvertFromUtf32(r1));
                continue;
            }

            if (IsConnector(r1))
            {
                r0 = Rune.ToUpperInvariant(new Rune(r0)).Value;
            }
            else
            {
                r0 = Rune.ToLowerInvariant(new Rune(r0)).Value;
                buf.Append(char.ConvertFromUtf32(r1));
            }
        }

        buf.Append(char.ConvertFromUtf32(r0));
        return buf.ToString();
    }

    /// <summary>xstrings' nextWord: the type and end of the word starting at <paramref name="start"/>.</summary>
    private static (Word Type, int End) NextWord(int[] s, int start)
    {
        if (start >= s.Length)
        {
            return (Word.Invalid, start);
        }

        var i = start;
        var r = s[i++];
        if (IsConnector(r))
        {
            while (i < s.Length && IsConnector(s[i]))
            {
                i++;
            }

            return (Word.Connector, i);
        }

        if (IsPunct(r))
        {
            while (i < s.Length && IsPunct(s[i]))
            {
                i++;
            }

            return (Word.Punct, i);
        }

        if (IsUpper(r))
        {
            if (i >= s.Length)
            {
                return (Word.UpperCase, i);
            }

            if (IsUpper(s[i]))
            {
                i++;
                while (i < s.Length && IsUpper(s[i]))
                {
                    i++;
                }

                if (i < s.Length && IsAlphabet(s[i]))
                {
                    i--;
                }

                return (Word.UpperCase, i);
            }

            if (IsAlphabet(s[i]))
            {
                i++;
                while (i < s.Length && IsAlphabet(s[i]) && !IsUpper(s[i]))
                {
                    i++;
                }
            }

            return (Word.UpperCase, i);
        }

        if (IsAlphabet(r))
        {
            while (i < s.Length && IsAlphabet(s[i]) && !IsUpper(s[i]))
            {
                i++;
            }

            return (Word.Alphabet, i);
        }

        if (IsNumber(r))
        {
            while (i < s.Length && IsNumber(s[i]))
            {
                i++;
            }

            return (Word.Number, i);
        }

        while (i < s.Length && !(IsConnector(s[i]) || IsAlphabet(s[i]) || IsNumber(s[i]) || IsPunct(s[i])))
        {
            i++;
        }

        return (Word.Other, i);
    }

    private static void ToLower(StringBuilder buf, Word wt, int[] s, int start, int end, char connector)
    {
        for (var k = start; k < end; k++)
        {
            var r = s[k];
            if (wt != Word.UpperCase && wt != Word.Connector)
            {
                buf.Append(char.ConvertFromUtf32(r));
            }
            else if (IsConnector(r))
            {
                buf.Append(connector);
            }
            else
            {
                buf.Append(IsUpper(r) ? ToLowerRune(r) : char.ConvertFromUtf32(r));
            }
        }
    }

    private static string CamelCaseToLowerCase(string str, char connector)
    {
        var s = Runes(str);
        if (s.Length == 0)
        {
            return string.Empty;
        }

        var buf = new StringBuilder();
        var start = 0;
        var (wt, end) = NextWord(s, start);
        while (end < s.Length)
        {
            if (wt != Word.Connector)
            {
                ToLower(buf, wt, s, start, end, connector);
            }

            var prev = wt;
            var (lastStart, lastEnd) = (start, end);
            start = end;
            (wt, end) = NextWord(s, start);
            switch (prev)
            {
                case Word.Number:
                    while (wt is Word.Alphabet or Word.Number)
                    {
                        ToLower(buf, wt, s, start, end, connector);
                        start = end;
                        (wt, end) = NextWord(s, start);
                    }

                    if (wt is not (Word.Invalid or Word.Punct or Word.Connector))
                    {
                        buf.Append(connector);
                    }

                    break;
                case Word.Connector:
                    ToLower(buf, prev, s, lastStart, lastEnd, connector);
                    break;
                case Word.Punct:
                    break;
                default:
                    if (wt != Word.Number)
                    {
                        if (wt is not (Word.Connector or Word.Punct))
                        {
                            buf.Append(connector);
                        }

                        break;
                    }

                    if (end >= s.Length)
                    {
                        break;
                    }

                    var (numberStart, numberEnd) = (start, end);
                    start = end;
                    (wt, end) = NextWord(s, start);
                    if (wt != Word.Alphabet)
                    {
                        ToLower(buf, Word.Number, s, numberStart, numberEnd, connector);
                        if (wt is not (Word.Connector or Word.Punct))
                        {
                            buf.Append(connector);
                        }

                        break;
                    }

                    buf.Append(connector);
                    ToLower(buf, Word.Number, s, numberStart, numberEnd, connector);
                    while (wt is Word.Alphabet or Word.Number)
                    {
                        ToLower(buf, wt, s, start, end, connector);
                        start = end;
                        (wt, end) = NextWord(s, start);
                    }

                    if (wt is not (Word.Invalid or Word.Connector or Word.Punct))
                    {
                        buf.Append(connector);
                    }

                    break;
            }
        }

        ToLower(buf, wt, s, start, end, connector);
        return buf.ToString();
    }

    private static string Shuffle(string str, Random random)
    {
        var runes = Runes(str);
        for (var i = runes.Length - 1; i > 0; i--)
        {
            var index = random.Next(i + 1);
            (runes[i], runes[index]) = (runes[index], runes[i]);
        }

        return string.Concat(runes.Select(char.ConvertFromUtf32));
    }
}
