namespace ReefDB.Sql.Syntax;

/// <summary>The lexical categories the parser distinguishes.</summary>
internal enum TokenKind
{
    EndOfInput,

    /// <summary>An unquoted word (identifier or keyword), folded to lower case.</summary>
    Identifier,

    /// <summary>A <c>"quoted"</c> identifier, case kept, never a keyword.</summary>
    QuotedIdentifier,

    /// <summary>Digits only; the text is the digits.</summary>
    Integer,

    /// <summary>A number with a decimal point or exponent; the text as written.</summary>
    Numeric,

    /// <summary>A string constant; the text is its value with escapes resolved.</summary>
    String,

    /// <summary>A bit-string constant (B'…' or X'…'); the text is the bits.</summary>
    BitString,

    /// <summary><c>$n</c>; the text is the digits.</summary>
    Parameter,

    /// <summary>An operator such as <c>+</c>, <c>&lt;=</c>, <c>||</c>; <c>!=</c> arrives as <c>&lt;&gt;</c>.</summary>
    Operator,

    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Semicolon,
    Dot,
    Colon,
    DoubleColon,
}

/// <summary>
/// One token: its kind, its normalized text (see <see cref="TokenKind"/>), and the span of source text
/// it came from, which error messages quote.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, int Length)
{
    public int End => Offset + Length;

    /// <summary>True for an unquoted word equal to <paramref name="keyword"/> (given in lower case).</summary>
    public bool IsKeyword(string keyword) =>
        Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.Ordinal);

    public bool IsOperator(string op) =>
        Kind == TokenKind.Operator && string.Equals(Text, op, StringComparison.Ordinal);
}
