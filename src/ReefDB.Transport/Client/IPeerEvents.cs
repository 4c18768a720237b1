using ReefDB.Raft.Messages;

namespace ReefDB.Transport.Client;

/// <summary>What a peer worker needs from the local replica (forwarded by the transport once one is attached).</summary>
internal interface IPeerEvents
{
    /// <summary>The peer could not be reached; the leader probes it again instead of streaming.</summary>
    void ReportUnreachable(ulong peer);

    /// <summary>The snapshot sent to <paramref name="peer"/> was installed (true) or not (false).</summary>
    void ReportSnapshot(ulong peer, bool ok);

    /// <summary>Opens a snapshot's payload to upload it.</summary>
    /// <exception cref="InvalidOperationException">No replica is attached yet.</exception>
    Stream OpenSnapshot(SnapshotMetadata metadata);
}
