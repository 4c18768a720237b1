namespace ReefDB.Sql.Syntax;

/// <summary>A constant written in the SQL text.</summary>
internal abstract record Literal : Expression;

/// <summary>NULL.</summary>
internal sealed record NullLiteral : Literal;

/// <summary>TRUE or FALSE.</summary>
internal sealed record BooleanLiteral(bool Value) : Literal;

/// <summary>
/// An integer constant (digits only, no point or exponent) whose value fits in 64 bits. Per
/// PostgreSQL it is typed <c>integer</c> when it fits in 32 bits, else <c>bigint</c>. A leading unary
/// minus is folded in, so <c>-9223372036854775808</c> is one literal.
/// </summary>
internal sealed record IntegerLiteral(long Value) : Literal;

/// <summary>
/// A numeric constant that PostgreSQL types <c>numeric</c>: it has a decimal point or an exponent
/// (<c>1.5</c>, <c>.5</c>, <c>1e10</c>), or is an integer too big for 64 bits.
/// <paramref name="Text"/> is the constant as written (ASCII digits, optional <c>-</c> sign when a unary
/// minus was folded in, <c>.</c>, and <c>e</c>/<c>E</c> exponent), parseable with invariant culture.
/// </summary>
internal sealed record NumericLiteral(string Text) : Literal;

/// <summary>
/// A string constant (<c>'…'</c>, <c>E'…'</c>, <c>$$…$$</c>), escapes already resolved. Its type is
/// "unknown" until context decides, as in PostgreSQL.
/// </summary>
internal sealed record StringLiteral(string Value) : Literal;

/// <summary>
/// A bit-string constant <c>B'0101'</c>, or <c>X'1F'</c> converted to bits (PostgreSQL's meaning of
/// X'…'): <paramref name="Bits"/> holds only '0' and '1'.
/// </summary>
internal sealed record BitStringLiteral(string Bits) : Literal;
