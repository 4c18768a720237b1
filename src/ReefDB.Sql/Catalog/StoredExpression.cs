using ReefDB.Sql.Syntax;

namespace ReefDB.Sql.Catalog;

/// <summary>
/// An expression kept in the catalog (a column default, a CHECK, an index key): its syntax tree, bound
/// again against the table whenever a statement needs it, so that it always sees the current columns.
/// </summary>
internal sealed record StoredExpression(Expression Syntax);
