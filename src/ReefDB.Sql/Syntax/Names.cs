namespace ReefDB.Sql.Syntax;

/// <summary>
/// A possibly schema-qualified name of a table, view or index. The schema is tolerated (ReefDB has
/// one schema, <c>public</c>); the engine decides whether a given schema is acceptable.
/// </summary>
internal sealed record ObjectName(string? Schema, string Name) : SyntaxNode
{
    public ObjectName(string name)
        : this(null, name)
    {
    }
}

/// <summary><c>AS alias (col1, col2, …)</c> after a table reference; the column list may be empty.</summary>
internal sealed record TableAlias(string Name, IReadOnlyList<string> ColumnNames) : SyntaxNode;
