namespace ReefDB.Sql.Syntax;

/// <summary>Prefix operators.</summary>
internal enum UnaryOperator
{
    /// <summary><c>+x</c>.</summary>
    Plus,

    /// <summary><c>-x</c> (not produced for numeric literals, which absorb the sign).</summary>
    Negate,

    /// <summary>Boolean <c>NOT x</c>.</summary>
    Not,

    /// <summary>Bitwise <c>~x</c>.</summary>
    BitwiseNot,

    /// <summary>tsquery negation <c>!!q</c>.</summary>
    TextSearchNot,
}

/// <summary>Infix operators, with their PostgreSQL spelling.</summary>
internal enum BinaryOperator
{
    Add,            // +
    Subtract,       // -
    Multiply,       // *
    Divide,         // /
    Modulo,         // %
    Power,          // ^
    Equal,          // =
    NotEqual,       // <> or !=
    Less,           // <
    LessOrEqual,    // <=
    Greater,        // >
    GreaterOrEqual, // >=
    And,            // AND
    Or,             // OR
    Concat,         // ||
    TextSearchMatch, // @@
    BitwiseAnd,     // &
    BitwiseOr,      // |
    BitwiseXor,     // #
    ShiftLeft,      // <<
    ShiftRight,     // >>
    RegexMatch,     // ~
    RegexMatchInsensitive,    // ~*
    RegexNotMatch,            // !~
    RegexNotMatchInsensitive, // !~*
    TextSearchAnd,            // && (tsquery)
    TextSearchPhrase,         // <-> (tsquery)
    Contains,                 // @> (tsquery)
    ContainedBy,              // <@ (tsquery)
    TextSearchMatchDeprecated, // @@@ (same as @@)
}
