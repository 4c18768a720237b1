namespace ReefDB.FullText;

/// <summary>
/// One lexeme operand of a query as an index sees it: the lexeme and whether it is a prefix search.
/// Weight restrictions are not part of it (an index stores lexemes only; matches are rechecked).
/// </summary>
/// <param name="Lexeme">The normalized lexeme.</param>
/// <param name="Prefix">True for <c>lexeme:*</c>: any indexed lexeme starting with it matches.</param>
public readonly record struct TsQueryTerm(string Lexeme, bool Prefix);
