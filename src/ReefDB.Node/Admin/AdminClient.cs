using Grpc.Core;
using Grpc.Net.Client;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Admin;

/// <summary>
/// A client of a node's <c>reefdb.admin.Admin</c> gRPC service (on its <c>rpc_addr</c>), for <c>reefdb admin</c>,
/// joining nodes and services. Any member will do: followers forward membership changes and transfers to the leader.
/// </summary>
/// <remarks>Every call is bounded by the timeout given at construction. Failures are <see cref="AdminException"/>s
/// carrying the API's error code (<c>no_leader</c>, <c>not_leader</c>, <c>invalid_request</c>, <c>unavailable</c>,
/// <c>outcome_unknown</c>, …); <c>unavailable</c> also covers a node that cannot be reached. Thread-safe.</remarks>
public sealed class AdminClient : IDisposable
{
    private readonly GrpcChannel channel;
    private readonly Grpc.Wire.Admin.AdminClient client;
    private readonly TimeSpan timeout;

    /// <param name="address">The node's gRPC address, <c>host:port</c>.</param>
    /// <param name="timeout">How long one call may take before it fails with <c>outcome_unknown</c>.</param>
    public AdminClient(string address, TimeSpan timeout)
    {
        Address = address;
        this.timeout = timeout;
        channel = GrpcChannel.ForAddress("http://" + address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { ConnectTimeout = timeout < TimeSpan.FromSeconds(5) ? timeout : TimeSpan.FromSeconds(5) },
        });
        client = new Grpc.Wire.Admin.AdminClient(channel);
    }

    /// <summary>The node this client talks to.</summary>
    public string Address { get; }

    /// <summary>The members as the node knows them (match indexes only when it leads).</summary>
    public async Task<AdminMembers> ListMembersAsync(CancellationToken cancellationToken = default)
    {
        var response = await Run(options => client.ListMembersAsync(new ListMembersRequest(), options), cancellationToken).ConfigureAwait(false);
        ThrowIfError(response.Error);
        return new AdminMembers(
            response.NodeId, response.LeaderId, response.Term, response.CommitIndex,
            [.. response.Members.Select(m => new AdminMember(
                m.NodeId, Optional(m.Addr), Optional(m.HttpAddr), m.Role, m.HasMatchIndex ? m.MatchIndex : null))]);
    }

    /// <summary>Adds <paramref name="nodeId"/> as a learner; the leader promotes it once it has caught up. Adding a
    /// node that is already a member succeeds without a change.</summary>
    /// <param name="addr">Its gRPC address (<c>rpc_addr</c>).</param>
    /// <param name="httpAddr">Its HTTP address, or null.</param>
    public Task<AdminResult> AddMemberAsync(ulong nodeId, string addr, string? httpAddr, CancellationToken cancellationToken = default) =>
        ResultAsync(options => client.AddMemberAsync(new AddMemberRequest { NodeId = nodeId, Addr = addr, HttpAddr = httpAddr ?? string.Empty }, options), cancellationToken);

    /// <summary>Removes member <paramref name="nodeId"/>.</summary>
    public Task<AdminResult> RemoveMemberAsync(ulong nodeId, CancellationToken cancellationToken = default) =>
        ResultAsync(options => client.RemoveMemberAsync(new RemoveMemberRequest { NodeId = nodeId }, options), cancellationToken);

    /// <summary>Hands leadership to voter <paramref name="nodeId"/>; completes once it leads.</summary>
    public Task<AdminResult> TransferLeaderAsync(ulong nodeId, CancellationToken cancellationToken = default) =>
        ResultAsync(options => client.TransferLeaderAsync(new TransferLeaderRequest { NodeId = nodeId }, options), cancellationToken);

    /// <summary>Snapshots the node's applied state and compacts its log.</summary>
    public Task<AdminResult> SnapshotAsync(CancellationToken cancellationToken = default) =>
        ResultAsync(options => client.SnapshotAsync(new SnapshotRequest(), options), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => channel.Dispose();

    private async Task<AdminResult> ResultAsync(Func<CallOptions, AsyncUnaryCall<AdminResponse>> call, CancellationToken cancellationToken)
    {
        var response = await Run(call, cancellationToken).ConfigureAwait(false);
        ThrowIfError(response.Error);
        return new AdminResult(response.Result, response.NodeId, response.SnapshotIndex);
    }

    private async Task<T> Run<T>(Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(new CallOptions(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken)).ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
        {
            throw new AdminException(
                GatewayErrorCode.OutcomeUnknown,
                $"{Address} did not answer within {timeout.TotalSeconds:0.###} s; the operation may or may not have taken effect",
                retryable: false, leaderId: 0, leaderAddr: null, e);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (RpcException e)
        {
            throw new AdminException(
                GatewayErrorCode.Unavailable, $"cannot reach the admin service at {Address}: {e.Status.StatusCode} {e.Status.Detail}",
                retryable: true, leaderId: 0, leaderAddr: null, e);
        }
    }

    private static void ThrowIfError(AdminError? error)
    {
        if (error is not null)
        {
            throw new AdminException(error.Code, error.Message, error.Retryable, error.LeaderId, Optional(error.LeaderAddr));
        }
    }

    private static string? Optional(string text) => text.Length == 0 ? null : text;
}

/// <summary>What an admin operation did.</summary>
/// <param name="Result">In words.</param>
/// <param name="NodeId">The node that did it (the leader for membership changes and transfers).</param>
/// <param name="SnapshotIndex">For a snapshot, its index; else 0.</param>
public sealed record AdminResult(string Result, ulong NodeId, ulong SnapshotIndex);

/// <summary>The members as one node knows them.</summary>
/// <param name="NodeId">The node that answered.</param>
/// <param name="LeaderId">The leader it knows (0: none).</param>
/// <param name="Term">Its current term.</param>
/// <param name="CommitIndex">Its commit index.</param>
/// <param name="Members">Voters and learners.</param>
public sealed record AdminMembers(ulong NodeId, ulong LeaderId, ulong Term, ulong CommitIndex, IReadOnlyList<AdminMember> Members);

/// <summary>One member.</summary>
/// <param name="NodeId">Its id.</param>
/// <param name="Addr">Its gRPC address, when known.</param>
/// <param name="HttpAddr">Its HTTP address, when known.</param>
/// <param name="Role"><c>voter</c> or <c>learner</c>.</param>
/// <param name="MatchIndex">Its replicated index, known when the answering node leads.</param>
public sealed record AdminMember(ulong NodeId, string? Addr, string? HttpAddr, string Role, ulong? MatchIndex);

/// <summary>An admin call failed; <see cref="Code"/> is the API's stable error code.</summary>
public sealed class AdminException : Exception
{
    /// <summary>Creates the error.</summary>
    public AdminException(string code, string message, bool retryable, ulong leaderId, string? leaderAddr, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Retryable = retryable;
        LeaderId = leaderId;
        LeaderAddr = leaderAddr;
    }

    /// <summary>The error code (<c>no_leader</c>, <c>not_leader</c>, <c>invalid_request</c>, <c>unavailable</c>, …).</summary>
    public string Code { get; }

    /// <summary>True when the same call may simply be made again.</summary>
    public bool Retryable { get; }

    /// <summary>The leader the node knows (0: none or not said).</summary>
    public ulong LeaderId { get; }

    /// <summary>The leader's gRPC address, when known.</summary>
    public string? LeaderAddr { get; }
}
