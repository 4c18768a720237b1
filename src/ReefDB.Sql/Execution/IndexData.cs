namespace ReefDB.Sql.Execution;

/// <summary>
/// The stored entries of one index (key parts followed by the row's storage key; no payload) and its
/// statistic: how many distinct values its leading key part has. The statistic is maintained on every
/// insert and delete from the tree's own content, so it is identical on every replica. A GIN index also
/// keeps <see cref="Gin"/>, the document statistics bm25 reads, maintained the same way.
/// </summary>
internal sealed class IndexData
{
    public IndexData(RowTree entries, long distinctLeading, GinStatistics? gin = null)
    {
        Entries = entries;
        DistinctLeading = distinctLeading;
        Gin = gin;
    }

    public RowTree Entries { get; }

    public long DistinctLeading { get; }

    /// <summary>Document count and total length of a GIN index's indexed vectors; null for a B-tree.</summary>
    public GinStatistics? Gin { get; }
}

/// <summary>
/// What bm25 needs besides per-term document frequencies (which are the lengths of the GIN posting
/// ranges): how many rows have a non-NULL indexed vector, and the sum of their lengths (see
/// <see cref="GinEntries.DocumentLength"/>). Part of the replicated state: updated by every write.
/// </summary>
internal readonly record struct GinStatistics(long Documents, long TotalLength)
{
    public GinStatistics Add(long length) => new(Documents + 1, TotalLength + length);

    public GinStatistics Remove(long length) => new(Documents - 1, TotalLength - length);
}
