using System.Collections.Immutable;
using ReefDB.Sql.Catalog;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// Mutable, single-statement view of one table's storage: inserts, deletes and updates go to transient
/// tree builders, with NOT NULL, CHECK and uniqueness enforced per row (as PostgreSQL's non-deferred
/// constraints). <see cref="Freeze"/> yields the new immutable <see cref="TableData"/>.
/// </summary>
internal sealed partial class TableWriter
{
    private readonly RowTree.Builder rows;

    // Both null when the table has no index (most single-row writes): then Freeze keeps the old index map.
    private readonly SortedDictionary<string, (RowTree.Builder Entries, long Distinct)>? indexes;
    private readonly SortedDictionary<string, GinStatistics>? gin;
    private readonly ImmutableSortedDictionary<string, IndexData> unindexed;
    private readonly int leadingKeyLength;
    private long nextRowId;

    public TableWriter(TableRuntime runtime, TableData data)
    {
        Runtime = runtime;
        rows = data.Rows.ToBuilder();
        unindexed = data.Indexes;
        if (!data.Indexes.IsEmpty)
        {
            indexes = new(StringComparer.Ordinal);
            gin = new(StringComparer.Ordinal);
            foreach (var (name, index) in data.Indexes)
            {
                indexes[name] = (index.Entries.ToBuilder(), index.DistinctLeading);
                if (index.Gin is { } statistics)
                {
                    gin[name] = statistics;
                }
            }
        }

        nextRowId = data.NextRowId;
        leadingKeyLength = LeadingKeyLength(runtime.Table);
    }

    public TableRuntime Runtime { get; }

    public TableDef Table => Runtime.Table;

    public int Count => rows.Count;

    /// <summary>The storage key of a stored row: its primary key values, or its hidden row id.</summary>
    public SqlValue[] StorageKey(SqlValue[] row)
    {
        var table = Table;
        if (!table.HasPrimaryKey)
        {
            return [row[table.Columns.Length]];
        }

        var key = new SqlValue[table.PrimaryKey.Length];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = row[table.PrimaryKey[i]];
        }

        return key;
    }

    /// <summary>
    /// The row tree key of a stored row. A primary key on the leading columns shares the row's array
    /// (see <see cref="RowKey.OfLeading"/>): no key array per row.
    /// </summary>
    public RowKey RowKeyOf(SqlValue[] row) => leadingKeyLength > 0 ? RowKey.OfLeading(row, leadingKeyLength) : new RowKey(StorageKey(row));

    /// <summary>The number of primary key columns when they are the table's first columns in order, else 0.</summary>
    private static int LeadingKeyLength(TableDef table)
    {
        var key = table.PrimaryKey;
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != i)
            {
                return 0;
            }
        }

        return key.Length;
    }

    public bool TryGet(SqlValue[] storageKey, out SqlValue[] row) => rows.TryGet(new RowKey(storageKey), out row);

    public IEnumerable<SqlValue[]> AllRows() => rows.Range(null, null).Select(e => e.Value);

    /// <summary>Rows whose index key parts start with <paramref name="prefix"/> (no NULLs in it).</summary>
    public IEnumerable<SqlValue[]> RowsByIndexPrefix(IndexDef index, SqlValue[] prefix)
    {
        if (index.IsPrimaryKey)
        {
            foreach (var e in rows.Range(RowKey.Before(prefix), RowKey.After(prefix)))
            {
                yield return e.Value;
            }

            yield break;
        }

        foreach (var e in indexes![index.Name].Entries.Range(RowKey.Before(prefix), RowKey.After(prefix)))
        {
            if (rows.TryGet(new RowKey(e.Value), out var row))
            {
                yield return row;
            }
        }
    }

    /// <summary>Completes a new row (hidden row id), checks it and stores it. Returns the stored row.</summary>
    public SqlValue[] Insert(SqlValue[] row, ExecContext ctx)
    {
        if (!Table.HasPrimaryKey)
        {
            row[Table.Columns.Length] = SqlValue.FromInt64(nextRowId++);
        }

        CheckRow(row, ctx);

        // One descent stores the row or finds the duplicate. A later failure (a unique index) fails the
        // statement, whose builders are then discarded, so storing first changes nothing but the cost.
        if (!rows.TryAdd(RowKeyOf(row), row))
        {
            throw Duplicate(Table.Name + "_pkey", Table.PrimaryKey.Select(i => Table.Columns[i].Name), StorageKey(row));
        }

        var indexes = Runtime.Indexes;
        if (indexes.Length == 0)
        {
            return row;
        }

        // Index entries hold the storage key as their value, an array of its own.
        var key = StorageKey(row);
        var parts = new SqlValue[indexes.Length][];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = indexes[i].KeyParts(row, ctx);
            CheckUnique(indexes[i], parts[i], null);
        }

        for (var i = 0; i < parts.Length; i++)
        {
            AddEntry(Runtime.Indexes[i], parts[i], key);
        }

        return row;
    }

    /// <summary>Removes a stored row (by its storage key) and its index entries.</summary>
    public void Delete(SqlValue[] row, ExecContext ctx)
    {
        var key = StorageKey(row);
        if (!rows.Remove(new RowKey(key)))
        {
            return;
        }

        foreach (var index in Runtime.Indexes)
        {
            RemoveEntry(index, index.KeyParts(row, ctx), key);
        }
    }

    /// <summary>Replaces <paramref name="oldRow"/> by <paramref name="newRow"/> (which may change the key).</summary>
    public void Update(SqlValue[] oldRow, SqlValue[] newRow, ExecContext ctx)
    {
        if (!Table.HasPrimaryKey)
        {
            newRow[Table.Columns.Length] = oldRow[Table.Columns.Length];
        }

        CheckRow(newRow, ctx);
        var oldKey = StorageKey(oldRow);
        var newKey = StorageKey(newRow);
        var keyChanged = !new Planning.Nodes.RowEqualityComparer(oldKey.Length).Equals(oldKey, newKey);
        if (keyChanged && rows.ContainsKey(new RowKey(newKey)))
        {
            throw Duplicate(Table.Name + "_pkey", Table.PrimaryKey.Select(i => Table.Columns[i].Name), newKey);
        }

        var oldParts = Runtime.Indexes.Select(i => i.KeyParts(oldRow, ctx)).ToArray();
        var newParts = Runtime.Indexes.Select(i => i.KeyParts(newRow, ctx)).ToArray();
        for (var i = 0; i < oldParts.Length; i++)
        {
            CheckUnique(Runtime.Indexes[i], newParts[i], oldKey);
        }

        if (keyChanged)
        {
            rows.Remove(new RowKey(oldKey));
        }

        rows.Set(RowKeyOf(newRow), newRow);
        for (var i = 0; i < oldParts.Length; i++)
        {
            RemoveEntry(Runtime.Indexes[i], oldParts[i], oldKey);
            AddEntry(Runtime.Indexes[i], newParts[i], newKey);
        }
    }

    public TableData Freeze()
    {
        var frozen = unindexed;
        if (indexes is not null)
        {
            frozen = ImmutableSortedDictionary.Create<string, IndexData>(StringComparer.Ordinal);
            foreach (var (name, (entries, distinct)) in indexes)
            {
                frozen = frozen.SetItem(name, new IndexData(entries.ToImmutable(), distinct, gin!.TryGetValue(name, out var statistics) ? statistics : null));
            }
        }

        return new TableData(rows.ToImmutable(), frozen, nextRowId);
    }
}
