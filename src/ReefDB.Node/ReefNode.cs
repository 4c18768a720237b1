using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReefDB.Node.Configuration;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc;
using ReefDB.Node.Hosting;
using ReefDB.Node.Membership;
using ReefDB.Node.Observability;
using ReefDB.Node.Replicas;
using ReefDB.Replication;
using ReefDB.Transport;

namespace ReefDB.Node;

/// <summary>
/// A running ReefDB node: one Raft member (<see cref="RaftReplica"/> over the durable storage), the gRPC Raft
/// transport, and one Kestrel host serving HTTP/JSON on <c>http_addr</c> and gRPC on <c>rpc_addr</c>.
/// </summary>
/// <remarks>
/// <para>Bootstrap: the first start over an empty raft directory forms the cluster of the configured peers (or a
/// single-node cluster); later starts recover from the directory and ignore <c>peers</c>.</para>
/// <para>Stop order: the host first (no new requests; in-flight ones finish or fail cleanly), then the replica
/// (files closed), then the transport.</para>
/// </remarks>
public sealed partial class ReefNode : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RaftReplica replica;
    private readonly GrpcRaftTransport transport;
    private readonly GrpcLeaderForwarder forwarder;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Task promoter = Task.CompletedTask;
    private Task joiner = Task.CompletedTask;
    private MeterExport? meterExport;
    private int disposed;

    private ReefNode(
        NodeOptions options, WebApplication app, RaftReplica replica, GrpcRaftTransport transport, GrpcLeaderForwarder forwarder, ILoggerFactory loggerFactory)
    {
        Options = options;
        this.app = app;
        this.replica = replica;
        this.transport = transport;
        this.forwarder = forwarder;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<ReefNode>();
    }

    /// <summary>The settings the node runs with.</summary>
    public NodeOptions Options { get; }

    /// <summary>This node's Raft id.</summary>
    public ulong NodeId => Options.NodeId;

    /// <summary>
    /// Opens the raft directory (creating the cluster on first start), connects to the peers and starts serving.
    /// </summary>
    /// <param name="options">A validated configuration (see <see cref="NodeConfiguration"/>).</param>
    /// <param name="warnings">Configuration warnings to log once logging is up.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">A listen address is taken, or another process holds the raft directory.</exception>
    /// <exception cref="InvalidOperationException">The raft directory belongs to another cluster or node.</exception>
    public static async Task<ReefNode> StartAsync(NodeOptions options, IReadOnlyList<string>? warnings = null, CancellationToken cancellationToken = default)
    {
        var loggerFactory = LoggerFactory.Create(logging => NodeLogging.Configure(logging, options));
        var logger = loggerFactory.CreateLogger<ReefNode>();
        foreach (var warning in warnings ?? [])
        {
            LogMessages.ConfigurationWarning(logger, warning);
        }

        Directory.CreateDirectory(options.DataDir);
        var members = MemberDirectory.Open(options.DataDir, options.InitialMembers);
        members.Set(new MemberAddress(options.NodeId, options.RpcAddr, members.HttpAddress(options.NodeId) ?? options.HttpAddr));
        var firstStart = !Directory.Exists(options.RaftDir) || !Directory.EnumerateFileSystemEntries(options.RaftDir).Any();
        if (firstStart && options.Join is null)
        {
            LogMessages.Bootstrapping(logger, options.NodeId, string.Join(", ", options.InitialMembers.Select(m => $"{m.NodeId}@{m.Addr}")));
        }
        else if (!firstStart)
        {
            LogMessages.Restarting(logger, options.NodeId);
        }

        var transport = new GrpcRaftTransport(
            new RaftTransportOptions
            {
                ClusterId = options.ClusterId,
                NodeId = options.NodeId,
                MaxMessageBytes = options.MaxGrpcMsgBytes,
                // A peer that comes back must be reached within an election timeout: followers do not talk to each other
                // in steady state, so a stream to a restarted peer may still be backing off when the leader dies, and
                // votes sent meanwhile wait for the next attempt (up to the transport's 5 s default).
                ReconnectBackoffMax = TimeSpan.FromMilliseconds(Math.Clamp((double)options.RaftTickMs * options.ElectionTick, 100, 5000)),
            },
            loggerFactory);
        RaftReplica? replica = null;
        GrpcLeaderForwarder? forwarder = null;
        try
        {
            replica = RaftReplica.Open(ReplicaOptions(options, loggerFactory), transport);
            transport.Attach(new RaftReplicaEndpoint(replica));
            foreach (var member in members.All.Where(m => m.NodeId != options.NodeId))
            {
                transport.SetPeer(member.NodeId, member.RpcAddr);
            }

            forwarder = new GrpcLeaderForwarder(members, options.MaxGrpcMsgBytes);
            var adapter = new RaftReplicaAdapter(replica);
            var metrics = new NodeMetrics(adapter.GetStatusAsync);
            var slow = new SlowOperationLog(options, logger);
            var services = new NodeServices(
                options,
                adapter,
                new SqlGateway(adapter, forwarder, options.ReadConsistency, TimeProvider.System, metrics, options.MaxResultBytes),
                members,
                new RequestLimits(TimeSpan.FromMilliseconds(options.RequestTimeoutMs)),
                metrics,
                new Readiness(),
                adapter,
                forwarder);
            var app = NodeHost.Build(services, s => s.AddReefRaftTransport(transport), a => a.MapReefRaftService());
            var node = new ReefNode(options, app, replica, transport, forwarder, loggerFactory);
            node.meterExport = new MeterExport(metrics.Registry, [transport.Meter, replica.Meter], slow.Observe);
            node.Watch(replica, members, metrics);
            node.promoter = node.PromoteCaughtUpLearnersAsync(adapter, node.stopping.Token);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            if (options.Join is { } join)
            {
                node.joiner = node.JoinAsync(join, members, node.stopping.Token);
            }

            LogMessages.Started(logger, options.NodeId, options.ClusterId, options.HttpAddr, options.RpcAddr, options.RaftDir);
            return node;
        }
        catch
        {
            forwarder?.Dispose();
            if (replica is not null)
            {
                await replica.DisposeAsync().ConfigureAwait(false);
            }

            await transport.DisposeAsync().ConfigureAwait(false);
            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>Serves until Ctrl-C, SIGTERM or <paramref name="cancellationToken"/>, then stops cleanly.</summary>
    public async Task RunUntilShutdownAsync(CancellationToken cancellationToken = default)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = replica.Stopped.ContinueWith(_ => failed.Cancel(), TaskScheduler.Default);
        await app.WaitForShutdownAsync(failed.Token).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops serving, closes the raft directory and the peer channels.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        LogMessages.Stopping(logger, NodeId);
        await stopping.CancelAsync().ConfigureAwait(false);
        await promoter.ConfigureAwait(false);
        await joiner.ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await replica.DisposeAsync().ConfigureAwait(false);
        forwarder.Dispose();
        await transport.DisposeAsync().ConfigureAwait(false);
        meterExport?.Dispose();
        await app.DisposeAsync().ConfigureAwait(false);
        LogMessages.Stopped(logger, NodeId);
        loggerFactory.Dispose();
        stopping.Dispose();
    }

    internal static RaftReplicaOptions ReplicaOptions(NodeOptions options, ILoggerFactory loggerFactory) => new()
    {
        NodeId = options.NodeId,
        ClusterId = options.ClusterId,
        RaftDirectory = options.RaftDir,
        InitialVoters = options.Join is null ? [.. options.InitialMembers.Select(m => m.NodeId)] : [],
        TickInterval = TimeSpan.FromMilliseconds(options.RaftTickMs),
        ElectionTick = options.ElectionTick,
        HeartbeatTick = options.HeartbeatTick,
        MaxInflightMessages = options.MaxInflightPerPeer,
        // Lease reads need check-quorum (on by default) and the same option on every member (docs/CONSISTENCY.md).
        ReadOnlyOption = options.LeaseReads ? Raft.ReadOnlyOption.LeaseBased : Raft.ReadOnlyOption.Safe,
        MaxPendingProposals = options.MaxPendingProposals,
        ProposalTimeout = TimeSpan.FromMilliseconds(options.RequestTimeoutMs),
        // The gateway's continuations encode the answer and hand it to Kestrel without blocking (RaftReplicaOptions).
        InlineAnswers = true,
        ReadTimeout = TimeSpan.FromMilliseconds(options.RequestTimeoutMs),
        SnapshotEntries = options.SnapshotEntries > 0 ? (ulong)options.SnapshotEntries : ulong.MaxValue,
        SnapshotLogBytes = options.SnapshotLogBytes > 0 ? options.SnapshotLogBytes : long.MaxValue,
        CompactionTail = (ulong)options.SnapshotTailEntries,
        Fsync = options.Fsync == FsyncMode.None ? Raft.Storage.FsyncPolicy.None : Raft.Storage.FsyncPolicy.Always,
        LoggerFactory = loggerFactory,
    };
}
