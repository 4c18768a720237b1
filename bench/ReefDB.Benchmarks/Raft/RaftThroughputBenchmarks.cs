using BenchmarkDotNet.Attributes;

namespace ReefDB.Benchmarks.Raft;

/// <summary>
/// Committed proposals per second through the pure Raft core: 3 in-memory nodes, proposals on the leader,
/// every Ready handled as the contract says. One operation = one committed entry (see OperationsPerInvoke), so
/// the reported mean is the time per entry and "Allocated" is the bytes allocated per entry.
/// Run: dotnet run -c Release --project bench/ReefDB.Benchmarks -- --filter '*RaftThroughput*'
/// </summary>
[MemoryDiagnoser]
public class RaftThroughputBenchmarks
{
    private const int EntriesPerInvoke = 8192;
    private InMemoryRaftCluster cluster = null!;
    private ReadOnlyMemory<byte>[] batch = [];

    [Params(64, 1024)]
    public int PayloadBytes { get; set; }

    [Params(1, 64)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        cluster = new InMemoryRaftCluster(3);
        var payload = new byte[PayloadBytes];
        batch = [.. Enumerable.Range(0, BatchSize).Select(_ => new ReadOnlyMemory<byte>(payload))];
    }

    [IterationCleanup]
    public void Cleanup() => cluster.Compact();

    [Benchmark(OperationsPerInvoke = EntriesPerInvoke)]
    public long ProposeAndCommit()
    {
        var target = cluster.CommittedOnLeader + EntriesPerInvoke;
        var leader = cluster.Leader;
        for (var proposed = 0; proposed < EntriesPerInvoke; proposed += BatchSize)
        {
            if (BatchSize == 1)
            {
                leader.Propose(batch[0]);
            }
            else
            {
                leader.ProposeBatch(batch);
            }

            cluster.Pump();
        }

        while (cluster.CommittedOnLeader < target)
        {
            cluster.Pump();
        }

        return cluster.CommittedOnLeader;
    }
}
