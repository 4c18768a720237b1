namespace ReefDB.Sql.Syntax;

/// <summary>A value expression: anything that can appear in a select list, WHERE, ON, HAVING, …</summary>
/// <remarks>
/// Parentheses leave no node behind: the tree's shape carries the grouping. Several PostgreSQL
/// special forms are desugared into <see cref="FunctionCall"/>s, as PostgreSQL itself does; their
/// contracts are documented on <see cref="FunctionCall"/>.
/// </remarks>
internal abstract record Expression : SyntaxNode;

/// <summary>
/// A column reference <c>col</c>, <c>t.col</c> or <c>schema.t.col</c>. Table and schema are null
/// when not written. <c>EXCLUDED.col</c> inside ON CONFLICT DO UPDATE is a reference with table
/// <c>excluded</c>.
/// </summary>
internal sealed record ColumnReference(string? Schema, string? Table, string Column) : Expression
{
    public ColumnReference(string column)
        : this(null, null, column)
    {
    }

    public ColumnReference(string? table, string column)
        : this(null, table, column)
    {
    }
}

/// <summary>A positional parameter <c>$n</c>; <paramref name="Number"/> is 1-based as written.</summary>
internal sealed record ParameterReference(int Number) : Expression;

/// <summary>A prefix operator applied to one operand.</summary>
internal sealed record UnaryExpression(UnaryOperator Operator, Expression Operand) : Expression;

/// <summary>An infix operator: arithmetic, comparison, AND/OR, <c>||</c>, <c>@@</c>, bitwise, regex.</summary>
internal sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right) : Expression;

/// <summary>
/// <c>CAST(x AS type)</c>, <c>x::type</c>, and typed literals such as <c>DATE '2024-01-01'</c>
/// (which PostgreSQL defines as a cast of the string constant).
/// </summary>
internal sealed record CastExpression(Expression Operand, TypeName Type) : Expression;

/// <summary>
/// <c>CASE [operand] WHEN … THEN … [ELSE …] END</c>. With an operand (simple CASE) each
/// <see cref="WhenClause.Condition"/> is a value compared with <c>=</c> to the operand; without
/// (searched CASE) it is a boolean condition. At least one WHEN.
/// </summary>
internal sealed record CaseExpression(Expression? Operand, IReadOnlyList<WhenClause> WhenClauses, Expression? Else)
    : Expression;

/// <summary>One <c>WHEN condition THEN result</c> arm of a CASE.</summary>
internal sealed record WhenClause(Expression Condition, Expression Result) : SyntaxNode;

/// <summary>A row constructor <c>(a, b, …)</c> (two or more items) or <c>ROW(…)</c> (any count).</summary>
internal sealed record RowExpression(IReadOnlyList<Expression> Items) : Expression;

/// <summary>
/// The keyword DEFAULT where a value is expected: an item of an INSERT … VALUES row or the right
/// side of an UPDATE SET. The parser accepts it only in those places.
/// </summary>
internal sealed record DefaultExpression : Expression;

/// <summary>
/// The SQL-standard niladic functions written without parentheses, whose value the leader stamps
/// into a batch (DESIGN.md §2): CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME,
/// LOCALTIMESTAMP, and the user names.
/// </summary>
internal sealed record CurrentValueExpression(CurrentValueKind Kind) : Expression;

/// <summary>Which niladic value a <see cref="CurrentValueExpression"/> reads.</summary>
internal enum CurrentValueKind
{
    CurrentDate,
    CurrentTime,
    CurrentTimestamp,
    LocalTime,
    LocalTimestamp,
    CurrentUser,
    SessionUser,
}
