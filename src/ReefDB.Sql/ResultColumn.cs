using ReefDB.Sql.Types;

namespace ReefDB.Sql;

/// <summary>One output column of a statement: its name as a client sees it and its SQL type.</summary>
/// <param name="Name">The column label (alias, column name, or PostgreSQL's <c>?column?</c>).</param>
/// <param name="Type">The column's SQL type.</param>
public sealed record ResultColumn(string Name, SqlType Type);
