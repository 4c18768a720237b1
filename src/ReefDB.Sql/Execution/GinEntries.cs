using ReefDB.FullText;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Execution;

/// <summary>
/// The entries a GIN index stores for a row: one per lexeme of the indexed tsvector, keyed
/// <c>(lexeme, storage key…)</c> with the storage key as value, so the rows holding a lexeme are one
/// key range (a posting list) and the rows holding any lexeme with a prefix are one range too (text
/// orders by code point, which is the tsvector's own lexeme order). NULL and empty vectors store nothing.
/// </summary>
internal static class GinEntries
{
    public static void Add(RowTree.Builder entries, SqlValue vector, SqlValue[] storageKey)
    {
        if (vector.IsNull)
        {
            return;
        }

        foreach (var entry in ((TsVector)vector.AsPayload).Entries)
        {
            entries.Set(Key(entry.Lexeme, storageKey), storageKey);
        }
    }

    public static void Remove(RowTree.Builder entries, SqlValue vector, SqlValue[] storageKey)
    {
        if (vector.IsNull)
        {
            return;
        }

        foreach (var entry in ((TsVector)vector.AsPayload).Entries)
        {
            entries.Remove(Key(entry.Lexeme, storageKey));
        }
    }

    /// <summary>The statistics after adding (<paramref name="sign"/> 1) or removing (-1) a row's vector.</summary>
    public static GinStatistics Count(GinStatistics statistics, SqlValue vector, int sign)
    {
        if (vector.IsNull)
        {
            return statistics;
        }

        var length = DocumentLength((TsVector)vector.AsPayload);
        return sign > 0 ? statistics.Add(length) : statistics.Remove(length);
    }

    /// <summary>
    /// A document's length for bm25: its number of positions (each lexeme counts at least once, so a
    /// stripped vector's length is its number of lexemes).
    /// </summary>
    public static long DocumentLength(TsVector vector)
    {
        long length = 0;
        foreach (var entry in vector.Entries)
        {
            length += Math.Max(1, entry.Positions.Count);
        }

        return length;
    }

    private static RowKey Key(string lexeme, SqlValue[] storageKey)
    {
        var values = new SqlValue[storageKey.Length + 1];
        values[0] = SqlValue.FromText(lexeme);
        storageKey.CopyTo(values, 1);
        return new RowKey(values);
    }
}
