using System.Globalization;
using System.Text;

namespace WellTrack.Templating.Values;

/// <summary>Go's strconv: quoting, unquoting and float formatting, byte for byte.</summary>
public static class GoStrconv
{
    /// <summary>strconv.Quote: ASCII-safe escapes for control characters, printable Unicode kept.</summary>
    public static string Quote(string s, char quote = '"', bool asciiOnly = false)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        AppendQuotedBody(sb, s, quote, asciiOnly);
        sb.Append(quote);
        return sb.ToString();
    }

    public static void AppendQuotedBody(StringBuilder sb, string s, char quote, bool asciiOnly = false)
    {
        for (var i = 0; i < s.Length; i++)
        {
            int rune = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                rune = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                // A lone surrogate cannot come from valid UTF-8; Go would see U+FFFD.
                sb.Append("\\ufffd");
                continue;
            }

            AppendEscapedRune(sb, rune, quote, asciiOnly);
        }
    }

    public static void AppendEscapedRune(StringBuilder sb, int rune, char quote, bool asciiOnly)
    {
        if (rune == quote || rune == '\\')
        {
            sb.Append('\\').Append((char)rune);
            return;
        }

        if (asciiOnly ? rune < 0x80 && IsPrint(rune) : IsPrint(rune))
        {
            sb.Append(char.ConvertFromUtf32(rune));
            return;
        }

        switch (rune)
        {
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
        }

        if (rune < ' ' || rune == 0x7f)
        {
            sb.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (rune < 0x10000)
        {
            sb.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>An approximation of Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space.</summary>
    public static bool IsPrint(int rune)
    {
        if (rune < 0x80)
        {
            return rune >= 0x20 && rune < 0x7f;
        }

        if (rune == 0xfffd)
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(rune);
        return category switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    /// <summary>strconv.Unquote for the three Go literal forms: "interpreted", `raw` and 'rune'.</summary>
    public static bool TryUnquote(string literal, out string result, out string? error)
    {
        result = string.Empty;
        error = null;
        if (literal.Length < 2)
        {
            error = "invalid syntax";
            return false;
        }

        var quote = literal[0];
        if (quote != literal[^1])
        {
            error = "invalid syntax";
            return false;
        }

        var body = literal[1..^1];
        if (quote == '`')
        {
            if (body.Contains('`'))
            {
                error = "invalid syntax";
                return false;
            }

            result = body.Replace("\r", string.Empty, StringComparison.Ordinal);
            return true;
        }

        if (quote != '"' && quote != '\'')
        {
            error = "invalid syntax";
            return false;
        }

        var sb = new StringBuilder(body.Length);
        var i = 0;
        var runes = 0;
        while (i < body.Length)
        {
            if (!TryUnquoteChar(body, ref i, quote, sb, out _))
            {
                error = "invalid syntax";
                return false;
            }

            runes++;
        }

        if (quote == '\'' && runes != 1)
        {
            error = "invalid syntax";
            return false;
        }

        result = sb.ToString();
        return true;
    }

    /// <summary>strconv.UnquoteChar: decodes one character or escape at <paramref name="i"/>.</summary>
    public static bool TryUnquoteChar(string s, ref int i, char quote, StringBuilder sb, out int rune)
    {
        rune = 0;
        var c = s[i];
        if (c == quote && (quote == '\'' || quote == '"'))
        {
            return false;
        }

        if (c == '\n' && quote != '`')
        {
            return false;
        }

        if (c != '\\')
        {
            if (char.IsHighSurrogate(c) && i + 1 < s.Length)
            {
                sb.Append(c).Append(s[i + 1]);
                rune = char.ConvertToUtf32(c, s[i + 1]);
                i += 2;
                return true;
            }

            sb.Append(c);
            rune = c;
            i++;
            return true;
        }

        if (i + 1 >= s.Length)
        {
            return false;
        }

        var e = s[i + 1];
        i += 2;
        switch (e)
        {
            case 'a': rune = '\a'; break;
            case 'b': rune = '\b'; break;
            case 'f': rune = '\f'; break;
            case 'n': rune = '\n'; break;
            case 'r': rune = '\r'; break;
            case 't': rune = '\t'; break;
            case 'v': rune = '\v'; break;
            case '\\': rune = '\\'; break;
            case '\'' or '"':
                if (e != quote)
                {
                    return false;
                }

                rune = e;
                break;
            case 'x' or 'u' or 'U':
            {
                var n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i + n > s.Length || !int.TryParse(s.AsSpan(i, n), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
                {
                    return false;
                }

                i += n;
                if (e == 'x')
                {
                    // \x is a byte; in a string literal Go keeps the raw byte. Bytes >= 0x80 alone are not valid
                    // UTF-8, which .NET strings cannot hold; they become U+FFFD when printed, as Go's output would.
                    sb.Append(v < 0x80 ? (char)v : '\uFFFD');
                    rune = v;
                    return true;
                }

                if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))
                {
                    return false;
                }

                rune = v;
                break;
            }

            case >= '0' and <= '7':
            {
                if (i + 2 > s.Length)
                {
                    return false;
                }

                var v = e - '0';
                for (var j = 0; j < 2; j++)
                {
                    var d = s[i + j] - '0';
                    if (d < 0 || d > 7)
                    {
                        return false;
                    }

                    v = (v * 8) + d;
                }

                if (v > 255)
                {
                    return false;
                }

                i += 2;
                sb.Append(v < 0x80 ? (char)v : '\uFFFD');
                rune = v;
                return true;
            }

            default:
                return false;
        }

        sb.Append(char.ConvertFromUtf32(rune));
        return true;
    }

    /// <summary>strconv.FormatFloat(f, fmt, prec, 64) for fmt in e, E, f, g, G; prec -1 means shortest.</summary>
    public static string FormatFloat(double f, char fmt, int prec)
    {
        if (double.IsNaN(f))
        {
            return "NaN";
        }

        if (double.IsInfinity(f))
        {
            return f > 0 ? "+Inf" : "-Inf";
        }

        var negative = f < 0 || (f == 0 && double.IsNegative(f));
        if (fmt is 'b' or 'x' or 'X')
        {
            return (negative ? "-" : string.Empty) + FormatBinary(Math.Abs(f), fmt, prec);
        }

        var (digits, exp) = Decimal(Math.Abs(f), fmt, prec);
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        switch (fmt)
        {
            case 'e' or 'E':
                AppendExponential(sb, digits, exp, prec < 0 ? digits.Length - 1 : prec, fmt);
                break;
            case 'f':
                AppendFixed(sb, digits, exp, prec < 0 ? Math.Max(digits.Length - exp, 0) : prec);
                break;
            default:
            {
                // strconv's %g: shortest uses the digit count as precision and 6 for the %e decision.
                var shortest = prec < 0;
                var p = shortest ? digits.Length : (prec == 0 ? 1 : prec);
                var eprec = p;
                if (eprec > digits.Length && digits.Length >= exp)
                {
                    eprec = digits.Length;
                }

                if (shortest)
                {
                    eprec = 6;
                }

                var x = exp - 1;
                if (x < -4 || x >= eprec)
                {
                    if (p > digits.Length)
                    {
                        p = digits.Length;
                    }

                    AppendExponential(sb, digits, exp, p - 1, fmt == 'G' ? 'E' : 'e');
                }
                else
                {
                    if (p > exp)
                    {
                        p = digits.Length;
                    }

                    AppendFixed(sb, digits, exp, Math.Max(p - exp, 0));
                }

                break;
            }
        }

        return sb.ToString();
    }

    /// <summary>strconv's %b (MANTISSAp±EXP) and %x/%X (0x1.HEXp±dd) forms of a non-negative float.</summary>
    private static string FormatBinary(double f, char fmt, int prec)
    {
        var bits = BitConverter.DoubleToUInt64Bits(f);
        var exp = (int)(bits >> 52) & 0x7ff;
        var mant = bits & ((1UL << 52) - 1);
        if (exp == 0)
        {
            exp++;
        }
        else
        {
            mant |= 1UL << 52;
        }

        exp -= 1023;
        if (fmt == 'b')
        {
            var e = exp - 52;
            return mant.ToString(CultureInfo.InvariantCulture) + "p" + (e >= 0 ? "+" : string.Empty) + e.ToString(CultureInfo.InvariantCulture);
        }

        if (mant == 0)
        {
            exp = 0;
        }

        mant <<= 60 - 52;
        while (mant != 0 && (mant & (1UL << 60)) == 0)
        {
            mant <<= 1;
            exp--;
        }

        if (prec >= 0 && prec < 15)
        {
            var shift = prec * 4;
            var extra = (mant << shift) & ((1UL << 60) - 1);
            mant >>= 60 - shift;
            if ((extra | (mant & 1)) > 1UL << 59)
            {
                mant++;
            }

            mant <<= 60 - shift;
            if ((mant & (1UL << 61)) != 0)
            {
                mant >>= 1;
                exp++;
            }
        }

        var hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        var sb = new StringBuilder();
        sb.Append('0').Append(fmt).Append((char)('0' + (int)((mant >> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0)
        {
            sb.Append('.');
            while (mant != 0)
            {
                sb.Append(hex[(int)((mant >> 60) & 15)]);
                mant <<= 4;
            }
        }
        else if (prec > 0)
        {
            sb.Append('.');
            for (var i = 0; i < prec; i++)
            {
                sb.Append(hex[(int)((mant >> 60) & 15)]);
                mant <<= 4;
            }
        }

        sb.Append(fmt == 'X' ? 'P' : 'p').Append(exp < 0 ? '-' : '+');
        exp = Math.Abs(exp);
        sb.Append(exp < 10 ? "0" + exp.ToString(CultureInfo.InvariantCulture) : exp.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Decimal digits (no leading zeros) and decimal-point position: value = 0.DIGITS * 10^exp.</summary>
    private static (string Digits, int Exp) Decimal(double f, char fmt, int prec)
    {
        if (f == 0)
        {
            return ("0", 1);
        }

        string text;
        if (prec < 0)
        {
            var shortest = f.ToString("R", CultureInfo.InvariantCulture);
            text = double.Parse(shortest, CultureInfo.InvariantCulture).ToString("E" + (CountSignificant(shortest) - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        else
        {
            var significant = fmt switch
            {
                'e' or 'E' => prec + 1,
                'f' => -1,
                _ => prec == 0 ? 1 : prec,
            };
            if (significant < 0)
            {
                var fixedText = f.ToString("F" + prec.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                return FromFixed(fixedText);
            }

            text = f.ToString("E" + (significant - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        var ePos = text.IndexOf('E');
        var mantissa = text[..ePos].Replace(".", string.Empty, StringComparison.Ordinal);
        var exponent = int.Parse(text[(ePos + 1)..], CultureInfo.InvariantCulture);
        // Go's decimal type holds no trailing zeros; the formatters pad where a precision asks for them.
        mantissa = mantissa.TrimEnd('0');
        if (mantissa.Length == 0)
        {
            mantissa = "0";
        }

        return (mantissa, exponent + 1);
    }

    private static int CountSignificant(string shortest)
    {
        var e = shortest.IndexOfAny(['E', 'e']);
        var mantissa = e >= 0 ? shortest[..e] : shortest;
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim('0');
        return Math.Max(digits.Length, 1);
    }

    private static (string Digits, int Exp) FromFixed(string fixedText)
    {
        var point = fixedText.IndexOf('.');
        var intPart = point >= 0 ? fixedText[..point] : fixedText;
        var frac = point >= 0 ? fixedText[(point + 1)..] : string.Empty;
        var all = (intPart + frac).TrimStart('0');
        if (all.Length == 0)
        {
            return ("0", 1);
        }

        var exp = intPart.TrimStart('0').Length;
        if (exp == 0)
        {
            exp = -(frac.Length - frac.TrimStart('0').Length);
        }

        return (all, exp);
    }

    private static void AppendExponential(StringBuilder sb, string digits, int exp, int prec, char e)
    {
        sb.Append(digits[0]);
        if (prec > 0)
        {
            sb.Append('.');
            for (var i = 1; i <= prec; i++)
            {
                sb.Append(i < digits.Length ? digits[i] : '0');
            }
        }

        var x = digits == "0" ? 0 : exp - 1;
        sb.Append(e).Append(x < 0 ? '-' : '+');
        x = Math.Abs(x);
        if (x < 10)
        {
            sb.Append('0');
        }

        sb.Append(x.ToString(CultureInfo.InvariantCulture));
    }

    private static void AppendFixed(StringBuilder sb, string digits, int exp, int prec)
    {
        if (exp > 0)
        {
            for (var i = 0; i < exp; i++)
            {
                sb.Append(i < digits.Length ? digits[i] : '0');
            }
        }
        else
        {
            sb.Append('0');
        }

        if (prec > 0)
        {
            sb.Append('.');
            for (var i = 0; i < prec; i++)
            {
                var j = exp + i;
                sb.Append(j >= 0 && j < digits.Length ? digits[j] : '0');
            }
        }
    }
}
