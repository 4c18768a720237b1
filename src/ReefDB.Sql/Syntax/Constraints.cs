namespace ReefDB.Sql.Syntax;

/// <summary>
/// A constraint written after a column's type. <see cref="Name"/> is the <c>CONSTRAINT name</c>
/// prefix, or null.
/// </summary>
internal abstract record ColumnConstraint(string? Name) : SyntaxNode;

/// <summary>NOT NULL.</summary>
internal sealed record NotNullColumnConstraint(string? Name) : ColumnConstraint(Name);

/// <summary>NULL (explicitly nullable; no effect besides contradicting NOT NULL).</summary>
internal sealed record NullColumnConstraint(string? Name) : ColumnConstraint(Name);

/// <summary>PRIMARY KEY on this column (implies NOT NULL and UNIQUE).</summary>
internal sealed record PrimaryKeyColumnConstraint(string? Name) : ColumnConstraint(Name);

/// <summary>UNIQUE on this column.</summary>
internal sealed record UniqueColumnConstraint(string? Name) : ColumnConstraint(Name);

/// <summary>DEFAULT expr.</summary>
internal sealed record DefaultColumnConstraint(string? Name, Expression Value) : ColumnConstraint(Name);

/// <summary>CHECK (expr).</summary>
internal sealed record CheckColumnConstraint(string? Name, Expression Condition) : ColumnConstraint(Name);

/// <summary>REFERENCES table [(col)] [ON DELETE …] [ON UPDATE …].</summary>
internal sealed record ReferencesColumnConstraint(string? Name, ForeignKeyReference Reference) : ColumnConstraint(Name);

/// <summary>
/// A constraint written as an element of CREATE TABLE's list (or ALTER TABLE ADD).
/// <see cref="Name"/> is the <c>CONSTRAINT name</c> prefix, or null.
/// </summary>
internal abstract record TableConstraint(string? Name) : SyntaxNode;

/// <summary>PRIMARY KEY (a, b, …).</summary>
internal sealed record PrimaryKeyTableConstraint(string? Name, IReadOnlyList<string> Columns) : TableConstraint(Name);

/// <summary>UNIQUE (a, b, …).</summary>
internal sealed record UniqueTableConstraint(string? Name, IReadOnlyList<string> Columns) : TableConstraint(Name);

/// <summary>CHECK (expr).</summary>
internal sealed record CheckTableConstraint(string? Name, Expression Condition) : TableConstraint(Name);

/// <summary>FOREIGN KEY (a, b) REFERENCES table [(x, y)] [ON DELETE …] [ON UPDATE …].</summary>
internal sealed record ForeignKeyTableConstraint(string? Name, IReadOnlyList<string> Columns, ForeignKeyReference Reference)
    : TableConstraint(Name);

/// <summary>
/// The target of a foreign key. <paramref name="Columns"/> is empty when not written (the referenced
/// table's primary key). Actions default to <see cref="ReferentialAction.NoAction"/>.
/// </summary>
internal sealed record ForeignKeyReference(
    ObjectName Table, IReadOnlyList<string> Columns, ReferentialAction OnDelete, ReferentialAction OnUpdate)
    : SyntaxNode;

/// <summary>
/// What happens to referencing rows when the referenced row is deleted or updated. NO ACTION and
/// RESTRICT both refuse (23503); ReefDB checks at statement end, so they differ only in name.
/// </summary>
internal enum ReferentialAction
{
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}
