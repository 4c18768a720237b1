namespace ReefDB.Sql.Catalog;

/// <summary>A CHECK constraint: the row is rejected when the expression is false (NULL passes).</summary>
internal sealed record CheckDef(string Name, StoredExpression Expression);
