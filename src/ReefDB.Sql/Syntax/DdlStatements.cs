namespace ReefDB.Sql.Syntax;

/// <summary><c>CREATE TABLE [IF NOT EXISTS] name (column definitions and table constraints)</c>.</summary>
internal sealed record CreateTableStatement(
    ObjectName Name,
    bool IfNotExists,
    IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<TableConstraint> Constraints) : Statement;

/// <summary>A column: name, type, and its constraints in the order written.</summary>
internal sealed record ColumnDefinition(string Name, TypeName Type, IReadOnlyList<ColumnConstraint> Constraints)
    : SyntaxNode;

/// <summary><c>DROP TABLE [IF EXISTS] t1, t2 [CASCADE|RESTRICT]</c>.</summary>
internal sealed record DropTableStatement(IReadOnlyList<ObjectName> Names, bool IfExists, DropBehavior Behavior)
    : Statement;

/// <summary>RESTRICT (the default: refuse when something depends on the object) or CASCADE.</summary>
internal enum DropBehavior
{
    Restrict,
    Cascade,
}

/// <summary><c>ALTER TABLE [IF EXISTS] name action, action, …</c> (at least one action).</summary>
internal sealed record AlterTableStatement(ObjectName Table, bool IfExists, IReadOnlyList<AlterTableAction> Actions)
    : Statement;

/// <summary>One action of ALTER TABLE.</summary>
internal abstract record AlterTableAction : SyntaxNode;

/// <summary><c>ADD [COLUMN] [IF NOT EXISTS] definition</c>.</summary>
internal sealed record AddColumnAction(ColumnDefinition Column, bool IfNotExists) : AlterTableAction;

/// <summary><c>DROP [COLUMN] [IF EXISTS] name [CASCADE|RESTRICT]</c>.</summary>
internal sealed record DropColumnAction(string Column, bool IfExists, DropBehavior Behavior) : AlterTableAction;

/// <summary><c>RENAME [COLUMN] old TO new</c>.</summary>
internal sealed record RenameColumnAction(string OldName, string NewName) : AlterTableAction;

/// <summary><c>RENAME TO new</c> (the table itself).</summary>
internal sealed record RenameTableAction(string NewName) : AlterTableAction;

/// <summary><c>ADD table_constraint</c>.</summary>
internal sealed record AddConstraintAction(TableConstraint Constraint) : AlterTableAction;

/// <summary>
/// <c>CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table [USING method] (elements) [WHERE predicate]</c>.
/// </summary>
/// <param name="Name">The index name; null when omitted (the engine generates one as PostgreSQL does).</param>
/// <param name="Method">The access method (<c>btree</c>, <c>gin</c>, …) lower-cased, or null.</param>
/// <param name="Where">A partial-index predicate, or null.</param>
internal sealed record CreateIndexStatement(
    string? Name,
    ObjectName Table,
    bool Unique,
    bool IfNotExists,
    string? Method,
    IReadOnlyList<IndexElement> Elements,
    Expression? Where) : Statement;

/// <summary>
/// One key of an index: a column (a <see cref="ColumnReference"/> with no table) or a parenthesized
/// expression (or a function call, which PostgreSQL accepts without extra parentheses).
/// </summary>
internal sealed record IndexElement(Expression Expression, SortDirection Direction, NullsOrder Nulls) : SyntaxNode;

/// <summary><c>DROP INDEX [IF EXISTS] name, … [CASCADE|RESTRICT]</c>.</summary>
internal sealed record DropIndexStatement(IReadOnlyList<ObjectName> Names, bool IfExists, DropBehavior Behavior)
    : Statement;

/// <summary><c>CREATE [OR REPLACE] VIEW name [(cols)] AS query</c>.</summary>
internal sealed record CreateViewStatement(ObjectName Name, bool OrReplace, IReadOnlyList<string> Columns, Query Query)
    : Statement;

/// <summary><c>DROP VIEW [IF EXISTS] name, … [CASCADE|RESTRICT]</c>.</summary>
internal sealed record DropViewStatement(IReadOnlyList<ObjectName> Names, bool IfExists, DropBehavior Behavior)
    : Statement;
