namespace ReefDB.Raft.Quorum;

/// <summary>The outcome of counting votes so far.</summary>
internal enum VoteResult
{
    /// <summary>Neither a majority for nor against yet.</summary>
    Pending,

    /// <summary>A majority of voters refused: the election cannot be won.</summary>
    Lost,

    /// <summary>A majority of voters granted.</summary>
    Won,
}
