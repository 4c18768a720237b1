using Grpc.Core;
using ReefDB.Transport.Wire;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Client;

/// <summary>Asks a node who it is (<c>GetInfo</c>): bad-config detection at start and <c>reefdb admin</c>.</summary>
public static class RaftPeerInfo
{
    /// <summary>Calls <c>GetInfo</c> on the node at <paramref name="address"/> over a short-lived channel.</summary>
    /// <param name="address"><c>host:port</c> or <c>http://host:port</c>.</param>
    /// <param name="timeout">The deadline of the call.</param>
    /// <exception cref="RpcException">The node is unreachable, starting, or did not answer in time.</exception>
    public static async Task<RaftNodeInfo> GetInfoAsync(string address, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var options = new RaftTransportOptions { ConnectTimeout = timeout };
        using var channel = PeerChannel.Create(address, options);
        var client = new W.Raft.RaftClient(channel);
        var reply = await client.GetInfoAsync(
            new W.GetInfoRequest(), deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        return NodeInfoCodec.Decode(reply);
    }
}
