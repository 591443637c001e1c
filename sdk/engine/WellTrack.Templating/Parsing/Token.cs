namespace WellTrack.Templating.Parsing;

/// <summary>Lexical item types of Go's text/template/parse, in the same order (keywords after <see cref="Keyword"/>).</summary>
internal enum TokenKind
{
    Error,
    Bool,
    Char,
    CharConstant,
    Comment,
    Complex,
    Assign,
    Declare,
    EOF,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,
    Keyword,
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

/// <summary>One lexical item: its kind, start offset in the template text, text and starting line.</summary>
internal readonly record struct Token(TokenKind Kind, int Pos, string Value, int Line)
{
    /// <summary>Go's item.String(), used in "unexpected ..." parse errors.</summary>
    public override string ToString() => Kind switch
    {
        TokenKind.EOF => "EOF",
        TokenKind.Error => Value,
        > TokenKind.Keyword => "<" + Value + ">",
        _ when Value.Length > 10 => Values.GoStrconv.Quote(Value[..10]) + "...",
        _ => Values.GoStrconv.Quote(Value),
    };
}
