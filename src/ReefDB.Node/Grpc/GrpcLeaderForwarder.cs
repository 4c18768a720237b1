using System.Collections.Concurrent;
using Grpc.Core;
using ReefDB.Node.Gateway;
using ReefDB.Node.Membership;

namespace ReefDB.Node.Grpc;

/// <summary>
/// Forwards requests to the leader: SQL over the <c>reefdb.sql.Sql/Forward</c> stream (unary <c>Execute</c> to a
/// node without it), admin calls to <c>reefdb.admin.Admin</c> (GrpcLeaderForwarder.Admin.cs). The leader's id comes
/// from the replica (it changes with each election), its address from the <see cref="MemberDirectory"/>; one
/// <see cref="LeaderConnection"/> per address is kept open and reused, so forwarding costs no connection, client or
/// stream setup after the first request.
/// </summary>
internal sealed partial class GrpcLeaderForwarder(MemberDirectory members, int maxMessageBytes) : ILeaderForwarder, IDisposable
{
    private readonly ConcurrentDictionary<string, LeaderConnection> connections = new(StringComparer.OrdinalIgnoreCase);

    public Task<SqlResult> ForwardAsync(ulong leaderId, SqlRequest request, CancellationToken cancellationToken) =>
        CallLeaderAsync(leaderId, async leader =>
        {
            var response = await leader.ExecuteAsync(WireMapping.ToWire(request, forwarded: true), leaderId, cancellationToken).ConfigureAwait(false);
            return WireMapping.FromWire(response);
        }, cancellationToken);

    public void Dispose()
    {
        foreach (var connection in connections.Values)
        {
            connection.Dispose();
        }
    }

    /// <summary>Runs <paramref name="call"/> on the leader's connection and turns unary transport failures into gateway
    /// errors: not connected is retryable (the leader never saw the request), a failure after sending is outcome
    /// unknown. The stream reports its failures as gateway errors itself, with the same meaning.</summary>
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
            throw ForwardFailures.OutcomeUnknown(leaderId, address, $"{e.Status.StatusCode} {e.Status.Detail}", e);
        }
    }

    private LeaderConnection Connection(string address) =>
        connections.GetOrAdd(address, static (a, max) => new LeaderConnection(a, max), maxMessageBytes);
}
