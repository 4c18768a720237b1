using System.Numerics;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning;

/// <summary>
/// The statistics the planner may read: row counts and leading-key distinct counts rounded down to a
/// power of two. Coarse on purpose, so plans depend on buckets, not exact counts (see <see cref="Planner"/>).
/// </summary>
internal sealed class Statistics
{
    private readonly DatabaseVersion version;

    public Statistics(DatabaseVersion version) => this.version = version;

    public static long Bucket(long n) => n <= 0 ? 0 : 1L << (63 - BitOperations.LeadingZeroCount((ulong)n));

    public long RowCount(string table) => version.Tables.TryGetValue(table, out var data) ? Bucket(data.RowCount) : 0;

    public long DistinctLeading(string table, string index)
    {
        if (!version.Tables.TryGetValue(table, out var data))
        {
            return 1;
        }

        // Unique keys (and the primary key) are distinct per row; other indexes keep the count of their
        // leading part's distinct values up to date on every write (TableWriter, IndexBuilder).
        if (data.Indexes.TryGetValue(index, out var i) && !version.Catalog.FindIndex(index)!.Unique)
        {
            return Math.Max(1, Bucket(i.DistinctLeading));
        }

        return Math.Max(1, Bucket(data.RowCount));
    }

    /// <summary>
    /// How many entries a GIN index holds for <paramref name="lexeme"/> (for a prefix, for every lexeme it
    /// starts), bucketed: the rows holding it, or an upper bound for a prefix (a row may hold several).
    /// </summary>
    public long GinPostings(string table, string index, string lexeme, bool prefix)
    {
        if (!version.Tables.TryGetValue(table, out var data) || !data.Indexes.TryGetValue(index, out var i))
        {
            return 0;
        }

        var from = RowKey.Before([SqlValue.FromText(lexeme)]);
        // Lexemes starting with the prefix sort below it followed by U+FFFF (all but supplementary-plane ones: an estimate).
        var to = RowKey.After([SqlValue.FromText(prefix ? lexeme + char.MaxValue : lexeme)]);
        return Bucket(i.Entries.CountRange(from, to));
    }

    /// <summary>The bucket signature of the given tables: a cached plan is reused only when it is equal.</summary>
    public static long[] Signature(DatabaseVersion version, IReadOnlyList<string> tables)
    {
        // On the hot path of every cached execution: a plain loop, one small array.
        var signature = new long[tables.Count];
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = version.Tables.TryGetValue(tables[i], out var d) ? Bucket(d.RowCount) : -1;
        }

        return signature;
    }

    /// <summary>Whether <paramref name="signature"/> is still the tables' signature, without allocating (a cached plan's check).</summary>
    public static bool Matches(DatabaseVersion version, IReadOnlyList<string> tables, long[] signature)
    {
        for (var i = 0; i < signature.Length; i++)
        {
            if (signature[i] != (version.Tables.TryGetValue(tables[i], out var d) ? Bucket(d.RowCount) : -1))
            {
                return false;
            }
        }

        return true;
    }
}
