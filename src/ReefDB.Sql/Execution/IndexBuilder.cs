using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>Builds a new index over a table's existing rows (CREATE INDEX), enforcing uniqueness; a GIN index gets its lexeme entries and statistics.</summary>
internal static class IndexBuilder
{
    public static TableData Fill(TableRuntime runtime, IndexRuntime index, TableData data, ExecContext ctx)
    {
        var name = index.Index.Name;
        var entries = data.Index(name).Entries.ToBuilder();
        var table = runtime.Table;
        var width = index.Parts.Length;
        GinStatistics? gin = index.Index.IsGin ? new GinStatistics(0, 0) : null;
        if (gin is not null && entries.Count == 0)
        {
            return data.WithIndex(name, FillGin(runtime, index, data, ctx));
        }

        foreach (var (_, row) in data.Rows.Range(null, null))
        {
            var parts = index.KeyParts(row, ctx);
            var storageKey = table.HasPrimaryKey ? table.PrimaryKey.Select(i => row[i]).ToArray() : [row[table.Columns.Length]];
            if (gin is { } statistics)
            {
                _ = GinEntries.Add(entries, parts[0], storageKey);
                gin = GinEntries.Count(statistics, parts[0], 1);
                continue;
            }

            var key = TableWriter.EntryKey(index.Index, parts, storageKey);
            if (!entries.TryAdd(key, storageKey))
            {
                throw new SqlException(SqlStates.UniqueViolation, $"could not create unique index \"{name}\"");
            }
        }

        var tree = entries.ToImmutable();
        long distinct = 0;
        SqlValue? previous = null;
        foreach (var (key, _) in tree.Range(null, null))
        {
            if (width > 0 && (previous is not { } p || SqlValue.Compare(p, key.Span[0]) != 0))
            {
                distinct++;
                previous = key.Span[0];
            }
        }

        return data.WithIndex(name, new IndexData(tree, distinct, gin));
    }

    private static IndexData FillGin(TableRuntime runtime, IndexRuntime index, TableData data, ExecContext ctx)
    {
        var table = runtime.Table;
        var load = new GinBulkLoad();
        foreach (var (_, row) in data.Rows.Range(null, null))
        {
            var storageKey = table.HasPrimaryKey ? table.PrimaryKey.Select(i => row[i]).ToArray() : [row[table.Columns.Length]];
            load.Add(index.KeyParts(row, ctx)[0], storageKey);
        }

        var (entries, distinct) = load.Build(data.Index(index.Index.Name).Entries.Tree.Comparer);
        return new IndexData(entries, distinct, load.Statistics);
    }
}
