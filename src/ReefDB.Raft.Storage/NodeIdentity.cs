namespace ReefDB.Raft.Storage;

/// <summary>Whose raft directory this is: a directory refuses to open for another cluster or node.</summary>
/// <param name="ClusterId">The cluster's id: non-empty, one line.</param>
/// <param name="NodeId">The node's Raft id (not 0).</param>
public sealed record NodeIdentity(string ClusterId, ulong NodeId);
