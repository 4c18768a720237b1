using ReefDB.Raft.Messages;

namespace ReefDB.Replication;

/// <summary>Inbound messages from a transport that may lend its thread to drive the node.</summary>
public sealed partial class RaftReplica
{
    /// <summary>
    /// Delivers messages from a peer and, when nothing else drives the node, steps them and handles the Readies they
    /// cause on the calling thread: persisting (fsync included), sending, applying. Otherwise queues them for the
    /// driver, like <see cref="Receive(Message)"/>. For a transport whose next read may wait for this one (a
    /// stream's reader): a follower then persists and acknowledges an append without a hand-off to the loop thread,
    /// and a leader commits and applies on the thread that read the acknowledgement.
    /// </summary>
    /// <remarks>A hand-off costs a thread wake-up per message received, which on a loaded machine with few cores can
    /// wait milliseconds for a CPU, twice per replicated write (the follower's receive, the leader's).</remarks>
    public void ReceiveAndDrive(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (stopping)
        {
            return;
        }

        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message);
            inbox.Enqueue(message);
        }

        DriveOrWake(null);
    }
}
