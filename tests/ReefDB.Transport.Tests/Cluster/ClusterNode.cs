using Google.Protobuf;
using ReefDB.Raft.Storage;
using ReefDB.Replication;
using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;
using ReefDB.Transport.Tests.Support;

namespace ReefDB.Transport.Tests.Cluster;

/// <summary>One member of an in-process cluster: a real replica in a temp directory, a gRPC transport and its server.</summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private static int batchCounter;
    private RaftServer? server;

    private ClusterNode(ulong id, string directory)
    {
        Id = id;
        Directory = directory;
        Transport = new GrpcRaftTransport(TestNode.FastOptions(id, "grpc-cluster"));
    }

    public ulong Id { get; }

    public string Directory { get; }

    public GrpcRaftTransport Transport { get; }

    public RaftReplica? Replica { get; private set; }

    public int Port { get; private set; }

    public string Address => $"127.0.0.1:{Port}";

    public static async Task<ClusterNode> StartServerAsync(ulong id, string directory)
    {
        var node = new ClusterNode(id, directory);
        await node.StartServerAsync(0);
        return node;
    }

    public async Task StartServerAsync(int port)
    {
        server = await RaftServer.StartAsync(Transport, port);
        Port = server.Port;
    }

    public async Task StopServerAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    public void OpenReplica(IReadOnlyList<ulong> voters, Func<RaftReplicaOptions, RaftReplicaOptions>? adjust = null)
    {
        var options = new RaftReplicaOptions
        {
            NodeId = Id,
            ClusterId = "grpc-cluster",
            RaftDirectory = Directory,
            InitialVoters = voters,
            TickInterval = TimeSpan.FromMilliseconds(20),
            Fsync = FsyncPolicy.None,
            RandomSeed = (int)Id,
            ProposalTimeout = TimeSpan.FromSeconds(20),
            ReadTimeout = TimeSpan.FromSeconds(20),
        };
        Replica = RaftReplica.Open(adjust is null ? options : adjust(options), Transport);
        Transport.Attach(Replica);
    }

    public static CommandBatch Sql(string sql)
    {
        var id = Interlocked.Increment(ref batchCounter);
        var batch = new CommandBatch
        {
            FormatVersion = ApplyFormat.Current,
            BatchId = ByteString.CopyFrom(BitConverter.GetBytes((long)id)),
            TimestampMicros = 1_700_000_000_000_000,
            RandomSeed = (ulong)id,
        };
        batch.Statements.Add(new Statement { Sql = sql });
        return batch;
    }

    /// <summary>Rows of a one-column query on the replica's published state.</summary>
    public List<string> Query(string sql)
    {
        var engine = Replica!.StateMachine.Engine;
        var result = engine.Execute(
            Replica.StateMachine.Current.Database, engine.Prepare(sql), [], new Sql.ExecutionEnvironment(DateTime.UnixEpoch, 1));
        var rows = result.Results[^1];
        Assert.Null(rows.Error);
        return [.. rows.Rows.Select(r => string.Join('|', r.Select(v => v.ToString())))];
    }

    public async ValueTask DisposeAsync()
    {
        if (Replica is not null)
        {
            await Replica.DisposeAsync();
        }

        await StopServerAsync();
        await Transport.DisposeAsync();
    }
}
