using ReefDB.FullText;
using ReefDB.Sql.Types;
using ReefDB.Storage.Trees;

namespace ReefDB.Sql.Execution;

/// <summary>
/// CREATE INDEX … USING gin over existing rows: the posting lists are gathered per lexeme and the tree is
/// built bottom-up from its entries in key order (<see cref="PersistentTree{TKey, TValue}.FromSorted"/>),
/// instead of one insertion per (lexeme, row) into a growing tree in random order. The tree is the same
/// either way: same keys, same values, same order.
/// </summary>
internal sealed class GinBulkLoad
{
    private readonly Dictionary<string, List<SqlValue[]>> postings = new(StringComparer.Ordinal);

    public GinStatistics Statistics { get; private set; }

    /// <summary>Adds one row's indexed vector (NULL and empty vectors add no entry; see <see cref="GinEntries"/>).</summary>
    public void Add(SqlValue vector, SqlValue[] storageKey)
    {
        if (vector.IsNull)
        {
            return;
        }

        foreach (var entry in ((TsVector)vector.AsPayload).Entries)
        {
            if (!postings.TryGetValue(entry.Lexeme, out var rows))
            {
                postings[entry.Lexeme] = rows = [];
            }

            rows.Add(storageKey);
        }

        Statistics = GinEntries.Count(Statistics, vector, 1);
    }

    /// <summary>The index's entries, ordered by <paramref name="comparer"/>, and how many distinct lexemes it has.</summary>
    public (RowTree Entries, long Distinct) Build(IComparer<RowKey> comparer)
    {
        var lexemes = postings.Keys.Select(SqlValue.FromText).ToArray();
        Array.Sort(lexemes, SqlValue.Compare);
        var tree = PersistentTree<RowKey, SqlValue[]>.FromSorted(Entries(lexemes), comparer);
        return (RowTree.FromTree(tree), lexemes.Length);
    }

    private IEnumerable<KeyValuePair<RowKey, SqlValue[]>> Entries(SqlValue[] lexemes)
    {
        foreach (var lexeme in lexemes)
        {
            var rows = postings[lexeme.AsText];
            // Rows come in table order, which is storage-key order when the table is read in order (as
            // IndexBuilder does): check in one pass, and sort only a list that is not.
            if (!IsAscending(rows))
            {
                rows.Sort(static (a, b) => RowKeyComparer.Ascending.Compare(new RowKey(a), new RowKey(b)));
            }

            foreach (var storageKey in rows)
            {
                var key = new SqlValue[storageKey.Length + 1];
                key[0] = lexeme;
                storageKey.CopyTo(key, 1);
                yield return new(new RowKey(key), storageKey);
            }
        }
    }

    private static bool IsAscending(List<SqlValue[]> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if (RowKeyComparer.Ascending.Compare(new RowKey(rows[i - 1]), new RowKey(rows[i])) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
