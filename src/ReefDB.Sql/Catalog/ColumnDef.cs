using ReefDB.Sql.Types;

namespace ReefDB.Sql.Catalog;

/// <summary>
/// A table column. <see cref="Ordinal"/> is its position in a stored row: rows are arrays indexed by
/// ordinal, so dropping a column rewrites the rows and renumbers the following columns.
/// </summary>
internal sealed record ColumnDef(string Name, int Ordinal, SqlType Type, bool NotNull, StoredExpression? Default)
{
    public ColumnDef WithOrdinal(int ordinal) => this with { Ordinal = ordinal };
}
