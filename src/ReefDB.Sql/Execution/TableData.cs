using System.Collections.Immutable;

namespace ReefDB.Sql.Execution;

/// <summary>
/// The stored content of one table in one database version: its rows keyed by storage key, its indexes
/// by index name, and the next hidden row id (used only when the table has no primary key; it never
/// goes back, not even on delete, so scan order stays insertion order).
/// </summary>
internal sealed class TableData
{
    public TableData(RowTree rows, ImmutableSortedDictionary<string, IndexData> indexes, long nextRowId)
    {
        Rows = rows;
        Indexes = indexes;
        NextRowId = nextRowId;
    }

    public RowTree Rows { get; }

    public ImmutableSortedDictionary<string, IndexData> Indexes { get; }

    public long NextRowId { get; }

    public long RowCount => Rows.Count;

    public static TableData CreateEmpty() => new(
        RowTree.Create(RowKeyComparer.Ascending),
        ImmutableSortedDictionary.Create<string, IndexData>(StringComparer.Ordinal),
        1);

    public IndexData Index(string name) => Indexes[name];

    public TableData WithIndex(string name, IndexData index) => new(Rows, Indexes.SetItem(name, index), NextRowId);

    public TableData WithoutIndex(string name) => new(Rows, Indexes.Remove(name), NextRowId);
}
