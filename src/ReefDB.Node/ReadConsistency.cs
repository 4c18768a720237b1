namespace ReefDB.Node;

/// <summary>How fresh a read must be; each mode's staleness bound is in docs/CONSISTENCY.md.</summary>
public enum ReadConsistency
{
    /// <summary>Sees every write acknowledged before the read started (Raft ReadIndex, on any node).</summary>
    Linearizable,

    /// <summary>Served by the leader under its lease, without a quorum round trip; relies on bounded clock drift.</summary>
    Lease,

    /// <summary>Served from this node's applied state, whatever its lag; the answer reports the applied index.</summary>
    Stale,
}
