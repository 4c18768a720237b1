using System.Numerics;
using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Planning;

/// <summary>
/// The statistics the planner may read: row counts and leading-key distinct counts rounded down to a
/// power of two. Coarse on purpose, so plans depend on buckets, not exact counts (see <see cref="Planner"/>).
/// Every distinct count and GIN posting count the planner reads is recorded (<see cref="Probes"/>): with the row
/// counts of every table (<see cref="Signature"/>) they are what a cached plan is checked against, so that a
/// cached plan is the plan a fresh compile would choose on the same version, on every replica.
/// </summary>
internal sealed class Statistics
{
    private readonly DatabaseVersion version;
    private List<StatisticsProbe>? probes;

    public Statistics(DatabaseVersion version) => this.version = version;

    /// <summary>The distinct and posting counts read so far, with the buckets they gave.</summary>
    public IReadOnlyList<StatisticsProbe> Probes => probes is null ? [] : [.. probes];

    public static long Bucket(long n) => n <= 0 ? 0 : 1L << (63 - BitOperations.LeadingZeroCount((ulong)n));

    public long RowCount(string table) => version.Tables.TryGetValue(table, out var data) ? Bucket(data.RowCount) : 0;

    public long DistinctLeading(string table, string index)
    {
        var bucket = DistinctLeadingOf(version, table, index);
        // A unique index's count is its table's row count, which every cached plan's signature checks already (and a
        // cached plan needs the same catalog, so uniqueness cannot change): only other indexes are recorded, which
        // keeps the check of a primary-key lookup's cached plan as cheap as it was.
        return version.Catalog.FindIndex(index) is { Unique: false } ? Record(new StatisticsProbe(table, index, null, false, bucket)) : bucket;
    }

    /// <summary>
    /// How many entries a GIN index holds for <paramref name="lexeme"/> (for a prefix, for every lexeme it
    /// starts), bucketed: the rows holding it, or an upper bound for a prefix (a row may hold several).
    /// </summary>
    public long GinPostings(string table, string index, string lexeme, bool prefix) =>
        Record(new StatisticsProbe(table, index, lexeme, prefix, GinPostingsOf(version, table, index, lexeme, prefix)));

    /// <summary>Whether every probe gives the same bucket on <paramref name="other"/> (a cached plan's check).</summary>
    public static bool StillHold(DatabaseVersion other, IReadOnlyList<StatisticsProbe> probes)
    {
        foreach (var p in probes)
        {
            var now = p.Lexeme is null ? DistinctLeadingOf(other, p.Table, p.Index) : GinPostingsOf(other, p.Table, p.Index, p.Lexeme, p.Prefix);
            if (now != p.Bucket)
            {
                return false;
            }
        }

        return true;
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

    private static long DistinctLeadingOf(DatabaseVersion version, string table, string index)
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

    private static long GinPostingsOf(DatabaseVersion version, string table, string index, string lexeme, bool prefix)
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

    private long Record(StatisticsProbe probe)
    {
        (probes ??= []).Add(probe);
        return probe.Bucket;
    }
}

/// <summary>One statistic the planner read (a distinct count, or a GIN posting count when <paramref name="Lexeme"/>
/// is set) and the bucket it gave.</summary>
internal readonly record struct StatisticsProbe(string Table, string Index, string? Lexeme, bool Prefix, long Bucket);
