namespace ReefDB.Sql.Syntax;

/// <summary>A query run as a statement: SELECT, VALUES, TABLE-less set operations, WITH … SELECT.</summary>
internal sealed record SelectStatement(Query Query) : Statement;

/// <summary>
/// <c>[WITH …] INSERT INTO table [AS alias] [(cols)] {VALUES … | query | DEFAULT VALUES}
/// [ON CONFLICT …] [RETURNING …]</c>.
/// </summary>
/// <param name="Columns">The target column list; empty when not written (all columns in order).</param>
/// <param name="Source">The rows to insert: a <see cref="Query"/> whose body is a
/// <see cref="ValuesExpression"/> for VALUES (items may be <see cref="DefaultExpression"/>), any query
/// for INSERT … SELECT; null for DEFAULT VALUES.</param>
/// <param name="Returning">The RETURNING list; empty when absent.</param>
internal sealed record InsertStatement(
    WithClause? With,
    ObjectName Table,
    string? Alias,
    IReadOnlyList<string> Columns,
    Query? Source,
    OnConflictClause? OnConflict,
    IReadOnlyList<SelectItem> Returning) : Statement;

/// <summary>
/// <c>ON CONFLICT [(cols) | ON CONSTRAINT name] DO NOTHING</c> or
/// <c>ON CONFLICT (cols) DO UPDATE SET … [WHERE …]</c>. In the SET values and WHERE, the proposed row
/// is <c>excluded.col</c> and the existing row is the target table (or its alias).
/// </summary>
/// <param name="TargetColumns">The conflict target columns; empty when not written (DO NOTHING on any
/// conflict) or when a constraint name is given.</param>
/// <param name="ConstraintName">The ON CONSTRAINT name, or null.</param>
/// <param name="Set">The DO UPDATE assignments; empty for DO NOTHING.</param>
/// <param name="Where">The DO UPDATE condition, or null.</param>
internal sealed record OnConflictClause(
    IReadOnlyList<string> TargetColumns,
    string? ConstraintName,
    OnConflictAction Action,
    IReadOnlyList<SetClause> Set,
    Expression? Where) : SyntaxNode;

/// <summary>What ON CONFLICT does.</summary>
internal enum OnConflictAction
{
    DoNothing,
    DoUpdate,
}

/// <summary>
/// <c>column = value</c> in UPDATE SET or DO UPDATE SET; value may be <see cref="DefaultExpression"/>.
/// <c>(a, b) = (x, y)</c> is split by the parser into one clause per column.
/// </summary>
internal sealed record SetClause(string Column, Expression Value) : SyntaxNode;

/// <summary><c>[WITH …] UPDATE table [[AS] alias] SET … [FROM …] [WHERE …] [RETURNING …]</c>.</summary>
internal sealed record UpdateStatement(
    WithClause? With,
    ObjectName Table,
    string? Alias,
    IReadOnlyList<SetClause> Set,
    IReadOnlyList<TableReference> From,
    Expression? Where,
    IReadOnlyList<SelectItem> Returning) : Statement;

/// <summary><c>[WITH …] DELETE FROM table [[AS] alias] [USING …] [WHERE …] [RETURNING …]</c>.</summary>
internal sealed record DeleteStatement(
    WithClause? With,
    ObjectName Table,
    string? Alias,
    IReadOnlyList<TableReference> Using,
    Expression? Where,
    IReadOnlyList<SelectItem> Returning) : Statement;
