namespace ReefDB.Raft;

/// <summary>Volatile state worth reporting (not persisted): who leads and what this node is.</summary>
/// <param name="Leader">The known leader of the current term (0: unknown).</param>
/// <param name="Role">This node's role.</param>
public sealed record SoftState(ulong Leader, RaftRole Role);
