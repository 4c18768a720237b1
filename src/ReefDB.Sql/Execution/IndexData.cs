namespace ReefDB.Sql.Execution;

/// <summary>
/// The stored entries of one index (key parts followed by the row's storage key; no payload) and its
/// statistic: how many distinct values its leading key part has. The statistic is maintained on every
/// insert and delete from the tree's own content, so it is identical on every replica.
/// </summary>
internal sealed class IndexData
{
    public IndexData(RowTree entries, long distinctLeading)
    {
        Entries = entries;
        DistinctLeading = distinctLeading;
    }

    public RowTree Entries { get; }

    public long DistinctLeading { get; }
}
