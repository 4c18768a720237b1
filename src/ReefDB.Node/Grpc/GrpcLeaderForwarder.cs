using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using ReefDB.Node.Gateway;
using ReefDB.Node.Membership;

namespace ReefDB.Node.Grpc;

/// <summary>
/// Forwards requests to the leader: SQL to <c>reefdb.sql.Sql/Execute</c>, admin calls to <c>reefdb.admin.Admin</c>
/// (GrpcLeaderForwarder.Admin.cs). The leader's id comes from the replica (it changes with each election), its
/// address from the <see cref="MemberDirectory"/>; one channel per address, with its clients, is kept open and
/// reused (never closed for being idle), so forwarding costs no connection or client setup after the first request.
/// </summary>
internal sealed partial class GrpcLeaderForwarder(MemberDirectory members, int maxMessageBytes) : ILeaderForwarder, IDisposable
{
    private readonly ConcurrentDictionary<string, LeaderConnection> connections = new(StringComparer.OrdinalIgnoreCase);

    public Task<SqlResult> ForwardAsync(ulong leaderId, SqlRequest request, CancellationToken cancellationToken) =>
        CallLeaderAsync(leaderId, async leader =>
        {
            var response = await leader.Sql.ExecuteAsync(WireMapping.ToWire(request, forwarded: true), cancellationToken: cancellationToken).ConfigureAwait(false);
            return WireMapping.FromWire(response);
        }, cancellationToken);

    public void Dispose()
    {
        foreach (var connection in connections.Values)
        {
            connection.Channel.Dispose();
        }
    }

    /// <summary>Runs <paramref name="call"/> on the leader's channel and turns transport failures into gateway errors:
    /// not connected is retryable (the leader never saw the request), a failure after sending is outcome unknown.</summary>
    private async Task<T> CallLeaderAsync<T>(ulong leaderId, Func<LeaderConnection, Task<T>> call, CancellationToken cancellationToken)
    {
        if (members.RpcAddress(leaderId) is not { } address)
        {
            throw new GatewayException(
                GatewayErrorCode.Unavailable, $"node {leaderId} leads but its address is not known here; retry on another node", retryable: true, leaderId: leaderId);
        }

        try
        {
            return await call(Connection(address)).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            throw new GatewayException(
                GatewayErrorCode.Unavailable, $"the leader (node {leaderId} at {address}) is unreachable: {e.Status.Detail}; retry", retryable: true, leaderId: leaderId, inner: e);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (RpcException e)
        {
            throw new GatewayException(
                GatewayErrorCode.OutcomeUnknown,
                $"forwarding to the leader (node {leaderId} at {address}) failed after sending: {e.Status.StatusCode} {e.Status.Detail}; " +
                "a write may or may not have been applied (retrying with the same client_id and seq is safe)",
                leaderId: leaderId,
                inner: e);
        }
    }

    private LeaderConnection Connection(string address) =>
        connections.GetOrAdd(address, a => new LeaderConnection(GrpcChannel.ForAddress("http://" + a, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = maxMessageBytes,
            MaxSendMessageSize = maxMessageBytes,
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                ConnectTimeout = TimeSpan.FromSeconds(3),
                KeepAlivePingDelay = TimeSpan.FromSeconds(10),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
                // The default closes a connection idle for a minute: the next forwarded write would pay for a new one.
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
        })));

    /// <summary>One leader address: its channel and the clients over it (both thread-safe and reusable).</summary>
    private sealed class LeaderConnection(GrpcChannel channel)
    {
        public GrpcChannel Channel { get; } = channel;

        public Wire.Sql.SqlClient Sql { get; } = new(channel);

        public Wire.Admin.AdminClient Admin { get; } = new(channel);
    }
}
