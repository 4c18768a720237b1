using ReefDB.Replication.Transport;

namespace ReefDB.Replication.Tests.Transport;

/// <summary>Three (or more) replicas in one process over an <see cref="InMemoryNetwork"/>, each in its own directory.</summary>
internal sealed class InProcessCluster : IAsyncDisposable
{
    private readonly TempDirectory root = new();
    private readonly ulong[] voters;
    private readonly Func<RaftReplicaOptions, RaftReplicaOptions> configure;

    public InProcessCluster(int size, Func<RaftReplicaOptions, RaftReplicaOptions>? configure = null)
    {
        voters = [.. Enumerable.Range(1, size).Select(i => (ulong)i)];
        this.configure = configure ?? (o => o);
        foreach (var id in voters)
        {
            Start(id);
        }
    }

    public InMemoryNetwork Network { get; } = new();

    public Dictionary<ulong, RaftReplica> Members { get; } = [];

    public RaftReplica Start(ulong id, bool join = false)
    {
        var options = configure(Batches.Options(root.Sub("node" + id), id, join ? [] : voters));
        var replica = RaftReplica.Open(options, Network.TransportFor(id));
        Network.Register(replica);
        Members[id] = replica;
        return replica;
    }

    /// <summary>Stops a member as a crash would look to its peers (its files stay).</summary>
    public void Stop(ulong id)
    {
        Network.Unregister(id);
        Members[id].Dispose();
        Members.Remove(id);
    }

    public async Task<RaftReplica> LeaderAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var leaders = Members.Values.Where(m => m.IsLeader).ToList();
            if (leaders.Count == 1)
            {
                return leaders[0];
            }

            Assert.True(DateTime.UtcNow < deadline, "no single leader elected");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Proposes on the leader, retrying through elections and transfers as a client would.</summary>
    public async Task<StateMachine.AppliedBatch> WriteAsync(string sql)
    {
        var batch = Batches.Sql(sql);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await (await LeaderAsync()).ProposeAsync(batch, TestContext.Current.CancellationToken);
            }
            catch (ReplicationException e) when (e.IsRetryable && attempt < 50)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
    }

    public async Task WaitAppliedEverywhereAsync(ulong index)
    {
        foreach (var member in Members.Values)
        {
            await member.WaitForAppliedAsync(index, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in Members.Values)
        {
            await member.DisposeAsync();
        }

        Network.Dispose();
        root.Dispose();
    }
}
