using ReefDB.Raft.Messages;

namespace ReefDB.Replication.Transport;

/// <summary>
/// How a <see cref="RaftReplica"/> sends messages to its peers. The replica owns this interface; the node's gRPC
/// transport and <see cref="InMemoryNetwork"/> implement it.
/// </summary>
/// <remarks>
/// <para><b>Never block.</b> <see cref="Send"/> is called on the thread driving the replica: after the state the
/// messages depend on is durable, or, for a leader's appends and heartbeats (which depend on no durable state of
/// its own), while that state is still being written. It must only enqueue (bounded per peer: drop the excess, Raft retransmits) and return; a
/// down or slow peer must never delay the loop or the other peers. A message that could not be delivered may be
/// reported with <see cref="RaftReplica.ReportUnreachable"/>.</para>
/// <para><b>Snapshots travel as streams.</b> A <see cref="MessageType.Snapshot"/> message carries the snapshot's
/// metadata and an empty <see cref="Snapshot.Data"/>. The transport opens the payload with
/// <see cref="RaftReplica.OpenSnapshot"/> (a file stream, read on the transport's thread, never loaded whole), sends
/// it in chunks, and on the receiving side hands the message and the payload stream to
/// <see cref="RaftReplica.ReceiveSnapshotAsync"/> (which writes it to a file in the raft directory). The sender then
/// calls <see cref="RaftReplica.ReportSnapshot"/> with the outcome.</para>
/// <para>All other messages are delivered to the peer's <see cref="RaftReplica.Receive"/>. Loss, duplication and
/// reordering are tolerated by the protocol.</para>
/// </remarks>
public interface IRaftTransport
{
    /// <summary>Queues <paramref name="messages"/> (to various peers) for sending; returns at once.</summary>
    void Send(IReadOnlyList<Message> messages);
}
