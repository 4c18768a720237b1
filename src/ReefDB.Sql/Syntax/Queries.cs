namespace ReefDB.Sql.Syntax;

/// <summary>
/// Something that produces rows: a SELECT core, a VALUES list, a set operation, or a full
/// <see cref="Query"/> (a parenthesized operand of a set operation may carry its own WITH, ORDER BY
/// and LIMIT).
/// </summary>
internal abstract record QueryExpression : SyntaxNode;

/// <summary>
/// A complete query: <c>[WITH …] body [ORDER BY …] [LIMIT …] [OFFSET …]</c>. This is what subqueries,
/// views, CTEs, INSERT … SELECT and SELECT statements hold.
/// </summary>
/// <param name="With">The WITH clause, or null.</param>
/// <param name="Body">A <see cref="SelectExpression"/>, <see cref="ValuesExpression"/>,
/// <see cref="SetOperationExpression"/>, or a nested <see cref="Query"/>.</param>
/// <param name="OrderBy">Sort keys, applied to the whole body (after set operations).</param>
/// <param name="Limit">The row limit (LIMIT n or FETCH FIRST n ROWS ONLY), or null for none/ALL.</param>
/// <param name="Offset">Rows to skip (OFFSET n [ROWS]), or null.</param>
internal sealed record Query(
    WithClause? With,
    QueryExpression Body,
    IReadOnlyList<OrderByItem> OrderBy,
    Expression? Limit,
    Expression? Offset) : QueryExpression
{
    /// <summary>A query that is just a body, without WITH, ORDER BY or LIMIT.</summary>
    public Query(QueryExpression body)
        : this(null, body, [], null, null)
    {
    }
}

/// <summary>
/// <c>SELECT [DISTINCT [ON (…)]] items [FROM …] [WHERE …] [GROUP BY …] [HAVING …]</c>.
/// </summary>
/// <param name="Distinct">DISTINCT was written (with or without ON).</param>
/// <param name="DistinctOn">The DISTINCT ON expressions; empty when plain DISTINCT or no DISTINCT.</param>
/// <param name="From">The FROM items; several items are an implicit cross join. Empty without FROM.</param>
internal sealed record SelectExpression(
    bool Distinct,
    IReadOnlyList<Expression> DistinctOn,
    IReadOnlyList<SelectItem> Items,
    IReadOnlyList<TableReference> From,
    Expression? Where,
    IReadOnlyList<Expression> GroupBy,
    Expression? Having) : QueryExpression;

/// <summary>
/// <c>VALUES (…), (…)</c>: at least one row; the parser checks that all rows have the same length
/// (else 42601, as PostgreSQL). Items may be <see cref="DefaultExpression"/> only under INSERT.
/// </summary>
internal sealed record ValuesExpression(IReadOnlyList<IReadOnlyList<Expression>> Rows) : QueryExpression;

/// <summary>
/// <c>left UNION|INTERSECT|EXCEPT [ALL] right</c>. INTERSECT binds tighter than UNION and EXCEPT,
/// which associate to the left; the tree already reflects that.
/// </summary>
/// <param name="All">ALL was written (keep duplicates); DISTINCT or nothing gives false.</param>
internal sealed record SetOperationExpression(
    SetOperator Operator, bool All, QueryExpression Left, QueryExpression Right) : QueryExpression;

/// <summary>The three set operators.</summary>
internal enum SetOperator
{
    Union,
    Intersect,
    Except,
}

/// <summary><c>WITH [RECURSIVE] name [(cols)] AS (query), …</c>.</summary>
internal sealed record WithClause(bool Recursive, IReadOnlyList<CommonTableExpression> Tables) : SyntaxNode;

/// <summary>One CTE; <paramref name="ColumnNames"/> is empty when no column list was written.</summary>
internal sealed record CommonTableExpression(string Name, IReadOnlyList<string> ColumnNames, Query Query) : SyntaxNode;

/// <summary>
/// <c>expr [ASC|DESC] [NULLS FIRST|LAST]</c>. In a query's ORDER BY an integer literal is an output
/// column position and a bare name may be an output alias: the engine resolves that, the parser keeps
/// the expression as written.
/// </summary>
internal sealed record OrderByItem(Expression Expression, SortDirection Direction, NullsOrder Nulls) : SyntaxNode
{
    public OrderByItem(Expression expression)
        : this(expression, SortDirection.Ascending, NullsOrder.Default)
    {
    }
}

/// <summary>Sort direction; ascending when not written.</summary>
internal enum SortDirection
{
    Ascending,
    Descending,
}

/// <summary>
/// Where NULLs go. <see cref="Default"/> means PostgreSQL's rule: NULLs sort as if larger than any
/// value (last ascending, first descending).
/// </summary>
internal enum NullsOrder
{
    Default,
    First,
    Last,
}
