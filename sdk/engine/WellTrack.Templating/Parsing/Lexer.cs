namespace WellTrack.Templating.Parsing;

/// <summary>
/// A port of text/template/parse's lexer: text and actions, <c>{{- -}}</c> trimming of ASCII white space,
/// comments, strings, raw strings, runes, numbers in every Go form. The parser pulls one item at a time, as in Go,
/// so an error stops the scan where Go stops it.
/// </summary>
internal sealed class Lexer
{
    private const string LeftDelim = "{{";
    private const string RightDelim = "}}";
    private const string LeftComment = "/*";
    private const string RightComment = "*/";

    /// <summary>Where each action and comment lexed so far lies; null when nobody asked.</summary>
    private readonly List<ActionExtent>? _extents;
    private string _input;
    private int _pos;
    private int _start;
    private bool _atEof;
    private int _parenDepth;
    private int _line = 1;
    private int _startLine = 1;
    private bool _insideAction;
    private int _actionStart;
    private Token _item;

    /// <param name="extents">When given, receives the extent of every action and comment, in text order.</param>
    public Lexer(string input, bool breakOk, bool continueOk, List<ActionExtent>? extents = null)
    {
        _input = input;
        _extents = extents;
        BreakOk = breakOk;
        ContinueOk = continueOk;
    }

    public bool BreakOk { get; set; }

    public bool ContinueOk { get; set; }

    private enum State
    {
        None,
        Text,
        LeftDelim,
        Comment,
        RightDelim,
        InsideAction,
        Space,
        Identifier,
        Field,
        Variable,
        Char,
        Number,
        Quote,
        RawQuote,
    }

    public Token NextItem()
    {
        _item = new Token(TokenKind.EOF, _pos, "EOF", _startLine);
        var state = _insideAction ? State.InsideAction : State.Text;
        while (state != State.None)
        {
            state = Step(state);
        }

        return _item;
    }

    private State Step(State state) => state switch
    {
        State.Text => LexText(),
        State.LeftDelim => LexLeftDelim(),
        State.Comment => LexComment(),
        State.RightDelim => LexRightDelim(),
        State.InsideAction => LexInsideAction(),
        State.Space => LexSpace(),
        State.Identifier => LexIdentifier(),
        State.Field => LexFieldOrVariable(TokenKind.Field),
        State.Variable => AtTerminator() ? Emit(TokenKind.Variable) : LexFieldOrVariable(TokenKind.Variable),
        State.Char => LexQuoted('\'', TokenKind.CharConstant, "unterminated character constant"),
        State.Number => LexNumber(),
        State.Quote => LexQuoted('"', TokenKind.String, "unterminated quoted string"),
        State.RawQuote => LexRawQuote(),
        _ => State.None,
    };

    private const int Eof = -1;

    private int Next()
    {
        if (_pos >= _input.Length)
        {
            _atEof = true;
            return Eof;
        }

        var r = _input[_pos++];
        if (r == '\n')
        {
            _line++;
        }

        return r;
    }

    private int Peek()
    {
        var r = Next();
        Backup();
        return r;
    }

    private void Backup()
    {
        if (!_atEof && _pos > 0)
        {
            _pos--;
            if (_input[_pos] == '\n')
            {
                _line--;
            }
        }
    }

    private Token ThisItem(TokenKind kind)
    {
        var t = new Token(kind, _start, Text(kind), _startLine);
        _start = _pos;
        _startLine = _line;
        return t;
    }

    /// <summary>The item's text; the delimiters and a single space, most of a template's items, are not copied.</summary>
    private string Text(TokenKind kind) => (kind, _pos - _start) switch
    {
        (TokenKind.LeftDelim, 2) => LeftDelim,
        (TokenKind.RightDelim, 2) => RightDelim,
        (TokenKind.Space, 1) when _input[_start] == ' ' => " ",
        _ => _input[_start.._pos],
    };

    private State Emit(TokenKind kind) => EmitItem(ThisItem(kind));

    private State EmitItem(Token token)
    {
        _item = token;
        return State.None;
    }

    private void Ignore()
    {
        _line += CountNewlines(_start, _pos);
        _start = _pos;
        _startLine = _line;
    }

    private int CountNewlines(int from, int to)
    {
        var n = 0;
        for (var i = from; i < to; i++)
        {
            if (_input[i] == '\n')
            {
                n++;
            }
        }

        return n;
    }

    private bool Accept(string valid)
    {
        var r = Next();
        if (r != Eof && valid.Contains((char)r))
        {
            return true;
        }

        Backup();
        return false;
    }

    private void AcceptRun(string valid)
    {
        int r;
        while ((r = Next()) != Eof && valid.Contains((char)r))
        {
        }

        Backup();
    }

    private State Errorf(string message)
    {
        _item = new Token(TokenKind.Error, _start, message, _startLine);
        _start = 0;
        _pos = 0;
        _input = string.Empty;
        return State.None;
    }

    private static bool IsSpace(int r) => r is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(int r) => r == '_' || (r >= 0 && (char.IsLetter((char)r) || char.IsDigit((char)r)));

    private bool HasLeftTrimMarker(int at) => at + 1 < _input.Length && _input[at] == '-' && IsSpace(_input[at + 1]);

    private bool HasRightTrimMarker(int at) => at + 1 < _input.Length && IsSpace(_input[at]) && _input[at + 1] == '-';

    private bool StartsWithAt(int at, string s) => at + s.Length <= _input.Length && string.CompareOrdinal(_input, at, s, 0, s.Length) == 0;

    private State LexText()
    {
        var x = _input.IndexOf(LeftDelim, _pos, StringComparison.Ordinal);
        if (x >= 0)
        {
            if (x > _pos)
            {
                _pos = x;
                var trimLength = 0;
                var delimEnd = _pos + LeftDelim.Length;
                if (HasLeftTrimMarker(delimEnd))
                {
                    var k = _pos;
                    while (k > _start && IsSpace(_input[k - 1]))
                    {
                        k--;
                    }

                    trimLength = _pos - k;
                }

                _pos -= trimLength;
                _line += CountNewlines(_start, _pos);
                var text = ThisItem(TokenKind.Text);
                _pos += trimLength;
                Ignore();
                if (text.Value.Length > 0)
                {
                    return EmitItem(text);
                }
            }

            return State.LeftDelim;
        }

        _pos = _input.Length;
        if (_pos > _start)
        {
            _line += CountNewlines(_start, _pos);
            return Emit(TokenKind.Text);
        }

        return Emit(TokenKind.EOF);
    }

    private (bool Delim, bool TrimSpaces) AtRightDelim()
    {
        if (HasRightTrimMarker(_pos) && StartsWithAt(_pos + 2, RightDelim))
        {
            return (true, true);
        }

        return StartsWithAt(_pos, RightDelim) ? (true, false) : (false, false);
    }

    private int LeftTrimLength(int at)
    {
        var k = at;
        while (k < _input.Length && IsSpace(_input[k]))
        {
            k++;
        }

        return k - at;
    }

    private State LexLeftDelim()
    {
        _actionStart = _pos;
        _pos += LeftDelim.Length;
        var trimSpace = HasLeftTrimMarker(_pos);
        var afterMarker = trimSpace ? 2 : 0;
        if (StartsWithAt(_pos + afterMarker, LeftComment))
        {
            _pos += afterMarker;
            Ignore();
            return State.Comment;
        }

        var delim = ThisItem(TokenKind.LeftDelim);
        _insideAction = true;
        _pos += afterMarker;
        Ignore();
        _parenDepth = 0;
        return EmitItem(delim);
    }

    private State LexComment()
    {
        _pos += LeftComment.Length;
        var x = _input.IndexOf(RightComment, _pos, StringComparison.Ordinal);
        if (x < 0)
        {
            return Errorf("unclosed comment");
        }

        _pos = x + RightComment.Length;
        var (delim, trimSpace) = AtRightDelim();
        if (!delim)
        {
            return Errorf("comment ends before closing delimiter");
        }

        ThisItem(TokenKind.Comment);
        if (trimSpace)
        {
            _pos += 2;
        }

        _pos += RightDelim.Length;
        _extents?.Add(new ActionExtent(_actionStart, _pos, IsComment: true));
        if (trimSpace)
        {
            _pos += LeftTrimLength(_pos);
        }

        Ignore();
        return State.Text;
    }

    private State LexRightDelim()
    {
        var (_, trimSpace) = AtRightDelim();
        if (trimSpace)
        {
            _pos += 2;
            Ignore();
        }

        _pos += RightDelim.Length;
        _extents?.Add(new ActionExtent(_actionStart, _pos, IsComment: false));
        var delim = ThisItem(TokenKind.RightDelim);
        if (trimSpace)
        {
            _pos += LeftTrimLength(_pos);
            Ignore();
        }

        _insideAction = false;
        return EmitItem(delim);
    }

    private State LexInsideAction()
    {
        var (delim, _) = AtRightDelim();
        if (delim)
        {
            return _parenDepth == 0 ? State.RightDelim : Errorf("unclosed left paren");
        }

        var r = Next();
        switch (r)
        {
            case Eof:
                return Errorf("unclosed action");
            case ' ' or '\t' or '\r' or '\n':
                Backup();
                return State.Space;
            case '=':
                return Emit(TokenKind.Assign);
            case ':':
                return Next() != '=' ? Errorf("expected :=") : Emit(TokenKind.Declare);
            case '|':
                return Emit(TokenKind.Pipe);
            case '"':
                return State.Quote;
            case '`':
                return State.RawQuote;
            case '$':
                return State.Variable;
            case '\'':
                return State.Char;
            case '.':
                if (_pos < _input.Length && (_input[_pos] < '0' || _input[_pos] > '9'))
                {
                    return State.Field;
                }

                Backup();
                return State.Number;
            case '+' or '-' or (>= '0' and <= '9'):
                Backup();
                return State.Number;
            case '(':
                _parenDepth++;
                return Emit(TokenKind.LeftParen);
            case ')':
                _parenDepth--;
                return _parenDepth < 0 ? Errorf("unexpected right paren") : Emit(TokenKind.RightParen);
        }

        if (IsAlphaNumeric(r))
        {
            Backup();
            return State.Identifier;
        }

        if (r <= 0x7f && r >= 0x20 && r != 0x7f)
        {
            return Emit(TokenKind.Char);
        }

        return Errorf("unrecognized character in action: " + FormatRune(r));
    }

    /// <summary>Go's %#U: U+0001 plus the character when printable.</summary>
    private static string FormatRune(int r)
    {
        var s = "U+" + r.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        return Values.GoStrconv.IsPrint(r) ? s + " '" + char.ConvertFromUtf32(r) + "'" : s;
    }

    private State LexSpace()
    {
        var numSpaces = 0;
        while (IsSpace(Peek()))
        {
            Next();
            numSpaces++;
        }

        if (HasRightTrimMarker(_pos - 1) && StartsWithAt(_pos - 1 + 2, RightDelim))
        {
            Backup();
            if (numSpaces == 1)
            {
                return State.RightDelim;
            }
        }

        return Emit(TokenKind.Space);
    }

    private State LexIdentifier()
    {
        while (true)
        {
            var r = Next();
            if (IsAlphaNumeric(r))
            {
                continue;
            }

            Backup();
            var word = _input[_start.._pos];
            if (!AtTerminator())
            {
                return Errorf("bad character " + FormatRune(r));
            }

            var keyword = Keyword(word);
            if (keyword > TokenKind.Keyword)
            {
                if ((keyword == TokenKind.Break && !BreakOk) || (keyword == TokenKind.Continue && !ContinueOk))
                {
                    return Emit(TokenKind.Identifier);
                }

                return Emit(keyword);
            }

            if (word[0] == '.')
            {
                return Emit(TokenKind.Field);
            }

            return word is "true" or "false" ? Emit(TokenKind.Bool) : Emit(TokenKind.Identifier);
        }
    }

    private static TokenKind Keyword(string word) => word switch
    {
        "." => TokenKind.Dot,
        "block" => TokenKind.Block,
        "break" => TokenKind.Break,
        "continue" => TokenKind.Continue,
        "define" => TokenKind.Define,
        "else" => TokenKind.Else,
        "end" => TokenKind.End,
        "if" => TokenKind.If,
        "range" => TokenKind.Range,
        "nil" => TokenKind.Nil,
        "template" => TokenKind.Template,
        "with" => TokenKind.With,
        _ => TokenKind.Error,
    };

    private State LexFieldOrVariable(TokenKind kind)
    {
        if (AtTerminator())
        {
            return Emit(kind == TokenKind.Variable ? TokenKind.Variable : TokenKind.Dot);
        }

        int r;
        while (true)
        {
            r = Next();
            if (!IsAlphaNumeric(r))
            {
                Backup();
                break;
            }
        }

        if (!AtTerminator())
        {
            return Errorf("bad character " + FormatRune(r));
        }

        return Emit(kind);
    }

    private bool AtTerminator()
    {
        var r = Peek();
        if (IsSpace(r))
        {
            return true;
        }

        return r switch
        {
            Eof or '.' or ',' or '|' or ':' or ')' or '(' => true,
            _ => StartsWithAt(_pos, RightDelim),
        };
    }

    private State LexQuoted(char quote, TokenKind kind, string unterminated)
    {
        while (true)
        {
            var r = Next();
            if (r == '\\')
            {
                var e = Next();
                if (e != Eof && e != '\n')
                {
                    continue;
                }

                return Errorf(unterminated);
            }

            if (r == Eof || r == '\n')
            {
                return Errorf(unterminated);
            }

            if (r == quote)
            {
                return Emit(kind);
            }
        }
    }

    private State LexRawQuote()
    {
        while (true)
        {
            var r = Next();
            if (r == Eof)
            {
                return Errorf("unterminated raw quoted string");
            }

            if (r == '`')
            {
                return Emit(TokenKind.RawString);
            }
        }
    }

    private State LexNumber()
    {
        if (!ScanNumber())
        {
            return Errorf("bad number syntax: " + Values.GoStrconv.Quote(_input[_start.._pos]));
        }

        var sign = Peek();
        if (sign is '+' or '-')
        {
            if (!ScanNumber() || _input[_pos - 1] != 'i')
            {
                return Errorf("bad number syntax: " + Values.GoStrconv.Quote(_input[_start.._pos]));
            }

            return Emit(TokenKind.Complex);
        }

        return Emit(TokenKind.Number);
    }

    private bool ScanNumber()
    {
        Accept("+-");
        var digits = "0123456789_";
        if (Accept("0"))
        {
            if (Accept("xX"))
            {
                digits = "0123456789abcdefABCDEF_";
            }
            else if (Accept("oO"))
            {
                digits = "01234567_";
            }
            else if (Accept("bB"))
            {
                digits = "01_";
            }
        }

        AcceptRun(digits);
        if (Accept("."))
        {
            AcceptRun(digits);
        }

        if (digits.Length == 11 && Accept("eE"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        if (digits.Length == 23 && Accept("pP"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        Accept("i");
        if (IsAlphaNumeric(Peek()))
        {
            Next();
            return false;
        }

        return true;
    }
}
