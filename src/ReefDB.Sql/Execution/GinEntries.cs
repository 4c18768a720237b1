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
    /// <summary>
    /// Stores the row's entries; returns how many of its lexemes were new to the index, so the index's
    /// distinct-lexeme count (its leading-part statistic) stays what CREATE INDEX counts.
    /// </summary>
    public static int Add(RowTree.Builder entries, SqlValue vector, SqlValue[] storageKey)
    {
        if (vector.IsNull)
        {
            return 0;
        }

        var added = 0;
        foreach (var entry in ((TsVector)vector.AsPayload).Entries)
        {
            var lexeme = SqlValue.FromText(entry.Lexeme);
            if (!HasLexeme(entries, lexeme))
            {
                added++;
            }

            entries.Set(Key(lexeme, storageKey), storageKey);
        }

        return added;
    }

    /// <summary>Removes the row's entries; returns how many of its lexemes no row holds any more.</summary>
    public static int Remove(RowTree.Builder entries, SqlValue vector, SqlValue[] storageKey)
    {
        if (vector.IsNull)
        {
            return 0;
        }

        var gone = 0;
        foreach (var entry in ((TsVector)vector.AsPayload).Entries)
        {
            var lexeme = SqlValue.FromText(entry.Lexeme);
            if (entries.Remove(Key(lexeme, storageKey)) && !HasLexeme(entries, lexeme))
            {
                gone++;
            }
        }

        return gone;
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

    private static bool HasLexeme(RowTree.Builder entries, SqlValue lexeme) =>
        entries.Range(RowKey.Before([lexeme]), RowKey.After([lexeme])).Any();

    private static RowKey Key(SqlValue lexeme, SqlValue[] storageKey)
    {
        var values = new SqlValue[storageKey.Length + 1];
        values[0] = lexeme;
        storageKey.CopyTo(values, 1);
        return new RowKey(values);
    }
}
