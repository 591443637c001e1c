using System.Globalization;
using System.Numerics;
using System.Text;
using WellTrack.Templating.Values;

namespace WellTrack.Templating.Parsing;

/// <summary>
/// Go's parse.newNumber: decides whether a literal is an int, uint and/or float, with Go's literal syntax
/// (0x, 0o, 0b, leading-zero octal, underscores, hex floats, runes).
/// </summary>
internal static class NumberParser
{
    public static NumberNode Parse(ParseSource source, Token token, Func<string, TemplateParseException> errorf)
    {
        var text = token.Value;
        var n = new NumberNode(source, token.Pos, text);
        if (token.Kind == TokenKind.CharConstant)
        {
            var i = 1;
            var sb = new StringBuilder();
            if (!GoStrconv.TryUnquoteChar(text, ref i, '\'', sb, out var rune))
            {
                throw errorf("invalid syntax");
            }

            if (text[i..] != "'")
            {
                throw errorf("malformed character constant: " + text);
            }

            n.Int64 = rune;
            n.IsInt = true;
            n.Uint64 = (ulong)rune;
            n.IsUint = true;
            n.Float64 = rune;
            n.IsFloat = true;
            return n;
        }

        if (token.Kind == TokenKind.Complex)
        {
            // REAL+IMAGi or REAL-IMAGi, as fmt.Sscan reads it.
            var split = text.LastIndexOfAny(['+', '-']);
            while (split > 0 && (text[split - 1] is 'e' or 'E' or 'p' or 'P'))
            {
                split = text.LastIndexOfAny(['+', '-'], split - 1);
            }

            if (split <= 0 || !TryParseFloat(text[..split], out var re) || !TryParseFloat(text[split..^1], out var im))
            {
                throw errorf("illegal number syntax: " + GoStrconv.Quote(text));
            }

            return Simplify(n, re, im);
        }

        if (text.EndsWith('i') && TryParseFloat(text[..^1], out var imaginary))
        {
            return Simplify(n, 0, imaginary);
        }

        var isUint = TryParseInteger(text, out var big) && big >= 0 && big <= ulong.MaxValue;
        if (isUint)
        {
            n.IsUint = true;
            n.Uint64 = (ulong)big;
        }

        if (TryParseInteger(text, out big) && big >= long.MinValue && big <= long.MaxValue)
        {
            n.IsInt = true;
            n.Int64 = (long)big;
            if (n.Int64 == 0)
            {
                n.IsUint = true;
                n.Uint64 = 0;
            }
        }

        if (n.IsInt)
        {
            n.IsFloat = true;
            n.Float64 = n.Int64;
        }
        else if (n.IsUint)
        {
            n.IsFloat = true;
            n.Float64 = n.Uint64;
        }
        else if (TryParseFloat(text, out var f))
        {
            if (text.IndexOfAny(['.', 'e', 'E', 'p', 'P']) < 0)
            {
                throw errorf("integer overflow: " + GoStrconv.Quote(text));
            }

            n.IsFloat = true;
            n.Float64 = f;
            if (!n.IsInt && Math.Floor(f) == f && f >= -9.2233720368547758e18 && f < 9.2233720368547758e18)
            {
                n.IsInt = true;
                n.Int64 = (long)f;
            }

            if (!n.IsUint && Math.Floor(f) == f && f >= 0 && f < 1.8446744073709552e19)
            {
                n.IsUint = true;
                n.Uint64 = (ulong)f;
            }
        }

        if (!n.IsInt && !n.IsUint && !n.IsFloat)
        {
            throw errorf("illegal number syntax: " + GoStrconv.Quote(text));
        }

        return n;
    }

    /// <summary>Go's simplifyComplex: a complex constant with no imaginary part is also a float (and maybe an int).</summary>
    private static NumberNode Simplify(NumberNode n, double re, double im)
    {
        n.IsComplex = true;
        n.Complex = new GoComplex(re, im);
        n.IsFloat = im == 0;
        if (n.IsFloat)
        {
            n.Float64 = re;
            n.IsInt = Math.Floor(re) == re && re >= -9.2233720368547758e18 && re < 9.2233720368547758e18;
            if (n.IsInt)
            {
                n.Int64 = (long)re;
            }

            n.IsUint = Math.Floor(re) == re && re >= 0 && re < 1.8446744073709552e19;
            if (n.IsUint)
            {
                n.Uint64 = (ulong)re;
            }
        }

        return n;
    }

    /// <summary>strconv.ParseInt(s, 0, 64) without the range check: sign, base prefix, underscores between digits.</summary>
    public static bool TryParseInteger(string s, out BigInteger value)
    {
        value = BigInteger.Zero;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            negative = s[0] == '-';
            i = 1;
        }

        var radix = 10;
        var prefixed = false;
        if (s.Length - i >= 2 && s[i] == '0')
        {
            switch (char.ToLowerInvariant(s[i + 1]))
            {
                case 'x': radix = 16; i += 2; prefixed = true; break;
                case 'o': radix = 8; i += 2; prefixed = true; break;
                case 'b': radix = 2; i += 2; prefixed = true; break;
                default: radix = 8; i += 1; prefixed = true; break;
            }
        }

        if (i >= s.Length && !(prefixed && radix == 8))
        {
            return false;
        }

        var lastWasDigit = prefixed;
        var sawDigit = prefixed && radix == 8;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '_')
            {
                if (!lastWasDigit)
                {
                    return false;
                }

                lastWasDigit = false;
                continue;
            }

            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
            {
                return false;
            }

            value = (value * radix) + d;
            lastWasDigit = true;
            sawDigit = true;
        }

        if (!lastWasDigit || !sawDigit)
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>
    /// strconv.ParseFloat's special values: "inf"/"infinity" with an optional sign and an unsigned "nan", any case.
    /// The lexer never hands these to the parser as numbers, but Sprig's float64/cast reach ParseFloat with any string.
    /// </summary>
    private static bool TryParseSpecialFloat(string s, out double value)
    {
        var body = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? s[1..] : s;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = s[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        value = s.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : 0;
        return double.IsNaN(value);
    }

    /// <summary>strconv.ParseFloat(s, 64) for decimal and hexadecimal floating-point literals.</summary>
    public static bool TryParseFloat(string s, out double value)
    {
        if (TryParseSpecialFloat(s, out value))
        {
            return true;
        }

        value = 0;
        var text = s.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = false;
        var body = text;
        if (body.Length > 0 && (body[0] == '+' || body[0] == '-'))
        {
            negative = body[0] == '-';
            body = body[1..];
        }

        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var p = body.IndexOfAny(['p', 'P']);
            if (p < 0)
            {
                return false;
            }

            var mantissa = body[2..p];
            if (!int.TryParse(body[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exp))
            {
                return false;
            }

            var point = mantissa.IndexOf('.');
            var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
            if (digits.Length == 0 || !BigInteger.TryParse("0" + digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var m))
            {
                return false;
            }

            var fractionBits = point < 0 ? 0 : (mantissa.Length - point - 1) * 4;
            value = (double)m * Math.Pow(2, exp - fractionBits);
            value = negative ? -value : value;
            return true;
        }

        foreach (var c in body)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                return false;
            }
        }

        if (!double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }
}
