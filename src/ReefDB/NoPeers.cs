using ReefDB.Raft.Messages;
using ReefDB.Replication.Transport;

namespace ReefDB;

/// <summary>The transport of a one-voter group: it has no peers, so nothing is ever sent.</summary>
internal sealed class NoPeers : IRaftTransport
{
    public static NoPeers Instance { get; } = new();

    public void Send(IReadOnlyList<Message> messages)
    {
    }
}
