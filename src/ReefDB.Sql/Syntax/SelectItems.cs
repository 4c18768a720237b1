namespace ReefDB.Sql.Syntax;

/// <summary>An item of a select list or a RETURNING list.</summary>
internal abstract record SelectItem : SyntaxNode;

/// <summary>
/// <c>expr [[AS] alias]</c>. <paramref name="Alias"/> is null when none was written; the engine then
/// derives the output name as PostgreSQL does (column name, function name, or <c>?column?</c>).
/// </summary>
internal sealed record ExpressionSelectItem(Expression Expression, string? Alias) : SelectItem;

/// <summary><c>*</c> (<paramref name="Table"/> null) or <c>t.*</c>.</summary>
internal sealed record StarSelectItem(string? Table) : SelectItem;
