using System.Collections.Immutable;

namespace ReefDB.Sql.Catalog;

/// <summary>
/// A table's schema. Rows are stored in a tree keyed by the storage key: the primary key's columns when
/// the table has one, otherwise a hidden, monotonically increasing row id (never reused, so row order
/// in a scan is insertion order and identical on every replica).
/// </summary>
/// <remarks>
/// Invariant: <c>Columns[i].Ordinal == i</c>. <see cref="PrimaryKey"/> lists column ordinals.
/// </remarks>
internal sealed record TableDef(
    string Name,
    ImmutableArray<ColumnDef> Columns,
    ImmutableArray<int> PrimaryKey,
    ImmutableArray<CheckDef> Checks,
    ImmutableArray<ForeignKeyDef> ForeignKeys)
{
    public bool HasPrimaryKey => !PrimaryKey.IsDefaultOrEmpty;

    /// <summary>Number of values in a storage key: the primary key's width, or 1 for the row id.</summary>
    public int StorageKeyWidth => HasPrimaryKey ? PrimaryKey.Length : 1;

    /// <summary>
    /// Width of a stored row: the columns, plus the hidden row id as a last value when the table has no
    /// primary key (so that every plan can carry a row's storage key along).
    /// </summary>
    public int RowWidth => Columns.Length + (HasPrimaryKey ? 0 : 1);

    public int FindColumn(string name)
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
