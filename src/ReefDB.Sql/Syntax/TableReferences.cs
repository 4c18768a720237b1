namespace ReefDB.Sql.Syntax;

/// <summary>An item of a FROM list (or UPDATE … FROM, DELETE … USING).</summary>
internal abstract record TableReference : SyntaxNode;

/// <summary><c>[schema.]table [[AS] alias [(cols)]]</c>; the name may also be a view or a CTE.</summary>
internal sealed record NamedTableReference(ObjectName Name, TableAlias? Alias) : TableReference;

/// <summary>
/// <c>[LATERAL] (query) [AS] alias [(cols)]</c>, including <c>(VALUES …) AS t(a, b)</c>. The alias is
/// optional, as in PostgreSQL 16.
/// </summary>
internal sealed record SubqueryTableReference(Query Query, TableAlias? Alias, bool Lateral) : TableReference;

/// <summary>A set-returning function in FROM, e.g. <c>generate_series(1, 10) AS g(n)</c>.</summary>
internal sealed record FunctionTableReference(FunctionCall Function, TableAlias? Alias) : TableReference;

/// <summary>
/// <c>left [NATURAL] {[INNER] | LEFT|RIGHT|FULL [OUTER] | CROSS} JOIN right [ON cond | USING (cols)]</c>.
/// Joins associate to the left; parentheses in the text are reflected by the tree shape.
/// </summary>
/// <param name="Condition">The ON condition; null for CROSS, NATURAL and USING joins.</param>
/// <param name="UsingColumns">The USING column names; empty unless USING was written.</param>
/// <param name="Natural">NATURAL was written (the engine derives the USING list).</param>
internal sealed record JoinTableReference(
    JoinKind Kind,
    TableReference Left,
    TableReference Right,
    Expression? Condition,
    IReadOnlyList<string> UsingColumns,
    bool Natural) : TableReference;

/// <summary>The join types.</summary>
internal enum JoinKind
{
    Inner,
    Left,
    Right,
    Full,
    Cross,
}
