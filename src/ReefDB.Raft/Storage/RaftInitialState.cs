using ReefDB.Raft.Configuration;

namespace ReefDB.Raft.Storage;

/// <summary>What a node restarts from, besides its log.</summary>
/// <param name="HardState">The last persisted term, vote and commit index.</param>
/// <param name="Membership">The membership at <see cref="IRaftStorage.FirstIndex"/> - 1 (the snapshot's, or the
/// bootstrap membership). Conf change entries in the log after it are replayed by the core.</param>
public sealed record RaftInitialState(HardState HardState, Membership Membership);
