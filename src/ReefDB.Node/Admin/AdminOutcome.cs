namespace ReefDB.Node.Admin;

/// <summary>What an admin operation did: <paramref name="Result"/> in words, the node that did it, and for a snapshot
/// its index (0 otherwise).</summary>
internal sealed record AdminOutcome(string Result, ulong NodeId, ulong SnapshotIndex = 0);
