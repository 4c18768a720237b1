using Google.Protobuf;
using ReefDB.Raft.Messages;
using ReefDB.Replication.Transport;
using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Replication.Tests;

/// <summary>Command batches and replica options for tests.</summary>
internal static class Batches
{
    private static int counter;

    public static CommandBatch Sql(string sql, string clientId = "", ulong sequence = 0)
    {
        var id = Interlocked.Increment(ref counter);
        var batch = new CommandBatch
        {
            FormatVersion = ApplyFormat.Current,
            BatchId = ByteString.CopyFrom(BitConverter.GetBytes((long)id)),
            ClientId = clientId,
            Sequence = sequence,
            TimestampMicros = 1_700_000_000_000_000,
            RandomSeed = (ulong)id,
        };
        batch.Statements.Add(new Statement { Sql = sql });
        return batch;
    }

    public static RaftReplicaOptions Options(string directory, ulong nodeId, params ulong[] voters) => new()
    {
        NodeId = nodeId,
        ClusterId = "test",
        RaftDirectory = directory,
        InitialVoters = voters,
        TickInterval = TimeSpan.FromMilliseconds(10),
        Fsync = Raft.Storage.FsyncPolicy.None,
        RandomSeed = (int)nodeId,
        ProposalTimeout = TimeSpan.FromSeconds(20),
        ReadTimeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>Opens a replica and waits until a leader is known (a lone voter elects itself at once).</summary>
    public static async Task<RaftReplica> OpenLeaderAsync(RaftReplicaOptions options, IRaftTransport transport)
    {
        var replica = RaftReplica.Open(options, transport);
        await replica.WaitForLeaderAsync(TestContext.Current.CancellationToken);
        return replica;
    }

    /// <summary>Rows of a one-column query on the replica's published state.</summary>
    public static List<string> Query(RaftReplica replica, string sql)
    {
        var engine = replica.StateMachine.Engine;
        var result = engine.Execute(replica.StateMachine.Current.Database, engine.Prepare(sql), [], new Sql.ExecutionEnvironment(DateTime.UnixEpoch, 1));
        var rows = result.Results[^1];
        Assert.Null(rows.Error);
        return [.. rows.Rows.Select(r => string.Join('|', r.Select(v => v.ToString())))];
    }

    /// <summary>A transport that drops everything (a lone voter sends nothing anyway).</summary>
    public static IRaftTransport Nowhere { get; } = new NullTransport();

    private sealed class NullTransport : IRaftTransport
    {
        public void Send(IReadOnlyList<Message> messages)
        {
        }
    }
}
