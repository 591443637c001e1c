namespace WellTrack.Templating.Serialization;

/// <summary>yaml_emitter_analyze_scalar: which styles can represent the text.</summary>
internal readonly record struct ScalarAnalysis(bool Multiline, bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed)
{
    public static bool IsPrintable(int r) => r == 0x0A || (r >= 0x20 && r <= 0x7E) || (r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF);

    public static ScalarAnalysis Analyze(string s)
    {
        if (s.Length == 0)
        {
            return new ScalarAnalysis(false, true, true, false);
        }

        var v = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length)
            {
                v.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                v.Add(s[i]);
            }
        }

        bool blockIndicators = false, lineBreaks = false, specialCharacters = false;
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        if (s.StartsWith("---", StringComparison.Ordinal) || s.StartsWith("...", StringComparison.Ordinal))
        {
            blockIndicators = true;
        }

        var precededByWhitespace = true;
        for (var i = 0; i < v.Count; i++)
        {
            var c = v[i];
            var followedByWhitespace = i + 1 >= v.Count || v[i + 1] is ' ' or '\t' or '\r' or '\n' or 0x85 or 0x2028 or 0x2029;
            if (i == 0)
            {
                switch (c)
                {
                    case '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`':
                        blockIndicators = true;
                        break;
                    case '?' or ':':
                        if (followedByWhitespace)
                        {
                            blockIndicators = true;
                        }

                        break;
                    case '-':
                        if (followedByWhitespace)
                        {
                            blockIndicators = true;
                        }

                        break;
                }
            }
            else
            {
                switch (c)
                {
                    case ':':
                        if (followedByWhitespace)
                        {
                            blockIndicators = true;
                        }

                        break;
                    case '#':
                        if (precededByWhitespace)
                        {
                            blockIndicators = true;
                        }

                        break;
                }
            }

            if (!IsPrintable(c))
            {
                specialCharacters = true;
            }

            if (c == ' ')
            {
                if (i == 0)
                {
                    leadingSpace = true;
                }

                if (i == v.Count - 1)
                {
                    trailingSpace = true;
                }

                if (previousBreak)
                {
                    breakSpace = true;
                }

                previousSpace = true;
                previousBreak = false;
            }
            else if (c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029)
            {
                lineBreaks = true;
                if (i == 0)
                {
                    leadingBreak = true;
                }

                if (i == v.Count - 1)
                {
                    trailingBreak = true;
                }

                if (previousSpace)
                {
                    spaceBreak = true;
                }

                previousSpace = false;
                previousBreak = true;
            }
            else
            {
                previousSpace = false;
                previousBreak = false;
            }

            precededByWhitespace = c is ' ' or '\t' or '\r' or '\n' or 0x85 or 0x2028 or 0x2029 or 0;
        }

        bool blockPlain = true, singleQuoted = true, block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        {
            blockPlain = false;
        }

        if (trailingSpace)
        {
            block = false;
        }

        if (breakSpace)
        {
            blockPlain = false;
            singleQuoted = false;
        }

        if (spaceBreak || specialCharacters)
        {
            blockPlain = false;
            singleQuoted = false;
            block = false;
        }

        if (lineBreaks)
        {
            blockPlain = false;
        }

        if (blockIndicators)
        {
            blockPlain = false;
        }

        return new ScalarAnalysis(lineBreaks, blockPlain, singleQuoted, block);
    }
}
