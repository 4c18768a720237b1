using ReefDB.Replication.Tests.PowerCut;

namespace ReefDB.Replication.Tests.Simulation;

/// <summary>
/// One seeded run: clients write through whoever leads while a seeded schedule of faults plays for a while; then the
/// faults stop, every member comes back, and the checks run: every acknowledged batch is on every member whole,
/// the members' tables are identical, and their applied indexes agree.
/// </summary>
/// <remarks>The seed fixes the cluster's shape, the fault schedule and the workload; threads decide the exact
/// interleaving, so a replay reproduces the scenario, not every byte.</remarks>
internal sealed class ReplicaSimulation(int seed, TimeSpan chaos)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly Random random = new(seed);
    private readonly Ledger ledger = new();
    private SimulatedCluster? cluster;

    public string Trace => cluster is null ? "" : string.Join('\n', cluster.Trace.TakeLast(60));

    public int PowerCuts { get; private set; }

    public int Acknowledged => ledger.Acknowledged;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var size = random.Next(3) == 0 ? 5 : 3;
        await using var members = new SimulatedCluster(seed, size);
        cluster = members;
        members.Log($"seed {seed}: {size} voters");
        await WriteThroughLeaderAsync(members, Ledger.CreateTable, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clients = Enumerable.Range(1, 3).Select(c => WriteAsync("client" + c, new Random(seed * 100 + c), stop.Token)).ToList();
        members.Log("chaos starts");
        var end = DateTime.UtcNow + chaos;
        while (DateTime.UtcNow < end)
        {
            await Task.Delay(random.Next(30, 250), cancellationToken);
            await FaultAsync(members, size);
        }

        stop.Cancel();
        await Task.WhenAll(clients).WaitAsync(Bound, cancellationToken);
        await QuiesceAndCheckAsync(members, cancellationToken);
    }

    private async Task FaultAsync(SimulatedCluster members, int size)
    {
        var live = members.Live;
        var down = members.Voters.Where(id => !live.ContainsKey(id)).ToList();
        var roll = random.Next(100);
        if (roll < 15 && down.Count < (size - 1) / 2)
        {
            var id = live.Keys.Order().ElementAt(random.Next(live.Count));
            await members.PowerCutAsync(id, random);
            PowerCuts++;
        }
        else if (roll < 30 && down.Count > 0)
        {
            var id = down[random.Next(down.Count)];
            members.Log($"restart {id}");
            members.Start(id);
        }
        else if (roll < 40)
        {
            var id = members.Voters[random.Next(size)];
            members.Log($"isolate {id}");
            members.Network.Isolate(id);
        }
        else if (roll < 52)
        {
            members.Log("heal all");
            foreach (var id in members.Voters)
            {
                members.Network.Heal(id);
            }

            members.Network.RestoreLinks();
        }
        else if (roll < 60)
        {
            var from = members.Voters[random.Next(size)];
            var to = members.Voters[random.Next(size)];
            members.Log($"cut link {from} -> {to}");
            members.Network.CutLink(from, to);
        }
        else if (roll < 68)
        {
            var rate = new[] { 0.0, 0.0, 0.05, 0.2 }[random.Next(4)];
            members.Log($"message loss {rate}");
            members.Network.SetMessageLoss(rate, random.Next());
        }
        else if (roll < 78 && members.Leader() is { } leader)
        {
            var target = members.Voters[random.Next(size)];
            members.Log($"transfer leadership {leader.NodeId} -> {target}");
            _ = leader.TransferLeadershipAsync(target).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }
        else if (roll < 86 && live.Count > 0)
        {
            var member = live.Values.ElementAt(random.Next(live.Count));
            members.Log($"snapshot on {member.NodeId}");
            _ = member.SnapshotNowAsync().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    /// <summary>A client: proposes batches to the leader it can find, retrying each (same client id and sequence, so
    /// exactly once) through refusals, timeouts and crashes until it is acknowledged or the chaos ends.</summary>
    private async Task WriteAsync(string client, Random workload, CancellationToken stop)
    {
        ulong sequence = 0;
        while (!stop.IsCancellationRequested)
        {
            var (batch, size, command) = ledger.Next(workload, client, ++sequence);
            while (!stop.IsCancellationRequested)
            {
                var leader = cluster!.Leader();
                if (leader is null)
                {
                    await Delay(20, stop);
                    continue;
                }

                try
                {
                    ledger.Answered(batch, size, await leader.ProposeAsync(command, stop));
                    break;
                }
                catch (Exception e) when (e is ReplicationException or OperationCanceledException)
                {
                    await Delay(10, stop);
                }
            }
        }
    }

    private async Task QuiesceAndCheckAsync(SimulatedCluster members, CancellationToken cancellationToken)
    {
        members.Log("faults stop: heal, restart everyone");
        members.Network.SetMessageLoss(0, 0);
        members.Network.RestoreLinks();
        foreach (var id in members.Voters)
        {
            members.Network.Heal(id);
            if (!members.Live.ContainsKey(id))
            {
                members.Start(id);
            }
        }

        // A write acknowledged after everyone is back is applied after every earlier entry, on the leader at least.
        var deadline = DateTime.UtcNow + Bound;
        var index = await WriteThroughLeaderAsync(members, Ledger.CreateTable, cancellationToken);

        foreach (var member in members.Live.Values)
        {
            await member.WaitForAppliedAsync(index, cancellationToken).WaitAsync(Bound, cancellationToken);
        }

        var live = members.Live.Values.OrderBy(m => m.NodeId).ToList();
        while (live.Select(m => m.AppliedIndex).Distinct().Count() > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        var applied = string.Join(", ", live.Select(m => $"{m.NodeId}: {m.AppliedIndex}"));
        members.Log($"applied indexes {applied}; {ledger.Acknowledged} batches acknowledged");
        if (live.Select(m => m.AppliedIndex).Distinct().Count() > 1)
        {
            throw new InvalidOperationException($"applied indexes differ after quiescence: {applied}");
        }

        var reference = Ledger.Rows(live[0]);
        foreach (var member in live)
        {
            if (ledger.Problem(member) is { } problem)
            {
                throw new InvalidOperationException(problem);
            }

            if (!Ledger.Rows(member).SequenceEqual(reference))
            {
                throw new InvalidOperationException($"node {member.NodeId}'s table differs from node {live[0].NodeId}'s");
            }
        }
    }

    /// <summary>Proposes <paramref name="sql"/> to whoever leads until one applies it (60 s at most); returns the
    /// leader's applied index just after.</summary>
    private static async Task<ulong> WriteThroughLeaderAsync(SimulatedCluster members, string sql, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Bound;
        var batch = Batches.Sql(sql);
        while (true)
        {
            try
            {
                var leader = members.Leader() ?? throw new NotLeaderException(0);
                await leader.ProposeAsync(batch, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                return leader.AppliedIndex;
            }
            catch (Exception e) when (e is ReplicationException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private static async Task Delay(int milliseconds, CancellationToken stop)
    {
        try
        {
            await Task.Delay(milliseconds, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
