namespace ReefDB.Sql.Catalog;

/// <summary>
/// One key part of an index: a plain column (<see cref="Column"/> ≥ 0) or an expression over the
/// table's columns (<see cref="Expression"/> non-null, <see cref="Column"/> = -1).
/// </summary>
internal sealed record IndexKeyPart(int Column, StoredExpression? Expression, bool Descending)
{
    public bool IsColumn => Expression is null;

    public static IndexKeyPart ForColumn(int column) => new(column, null, false);
}
