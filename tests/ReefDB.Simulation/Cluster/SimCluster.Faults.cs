using ReefDB.Simulation.Network;

namespace ReefDB.Simulation.Cluster;

/// <summary>Faults of the chaos phase: crashes and restarts, partitions of every shape, a misbehaving network.</summary>
internal sealed partial class SimCluster
{
    private static readonly NetworkConditions[] Weathers =
    [
        NetworkConditions.Reliable,
        new(DropRate: 0.05, DuplicateRate: 0.02, MaxDelayTicks: 3, SlowRate: 0.01, SlowDelayTicks: 20),
        new(DropRate: 0.2, DuplicateRate: 0.05, MaxDelayTicks: 5, SlowRate: 0.05, SlowDelayTicks: 30),
        new(DropRate: 0.01, DuplicateRate: 0.3, MaxDelayTicks: 8, SlowRate: 0.1, SlowDelayTicks: 40),
    ];

    private long flappingUntil;

    private void InjectFaults()
    {
        if (now < flappingUntil && random.NextDouble() < 0.3)
        {
            ToggleRandomLink();
        }

        if (random.NextDouble() >= options.FaultRate)
        {
            return;
        }

        var up = nodes.Values.Where(n => n.IsUp).ToList();
        var down = nodes.Values.Where(n => !n.IsUp && !n.Removed).ToList();
        switch (random.Next(10))
        {
            case 0 when up.Count > 0:
                Crash(up[random.Next(up.Count)], "at random");
                break;
            case 1 or 2 when down.Count > 0:
                Restart(down[random.Next(down.Count)]);
                break;
            case 3:
                SplitSymmetric();
                break;
            case 4:
                CutOneWay();
                break;
            case 5:
                IsolateLeader();
                break;
            case 6:
                flappingUntil = now + random.Next(20, 100);
                Trace.Add(now, "network: links start flapping");
                break;
            case 7:
                network.Conditions = Weathers[random.Next(Weathers.Length)];
                Trace.Add(now, $"network: conditions {network.Conditions}");
                break;
            default:
                network.HealAll();
                flappingUntil = 0;
                Trace.Add(now, "network: partitions healed");
                break;
        }
    }

    private void Restart(SimNode node)
    {
        Trace.Add(now, Format($"node {node.Id} restarts"));
        Start(node);
        Drain(node);
    }

    private void SplitSymmetric()
    {
        var ids = nodes.Keys.ToArray();
        random.Shuffle(ids);
        var side = ids.Take(random.Next(1, ids.Length)).ToHashSet();
        foreach (var a in side)
        {
            foreach (var b in ids.Where(id => !side.Contains(id)))
            {
                network.CutBothWays(a, b);
            }
        }

        Trace.Add(now, "network: partition {" + string.Join(",", side.Order()) + "} | rest");
    }

    private void CutOneWay()
    {
        var ids = nodes.Keys.ToArray();
        var from = ids[random.Next(ids.Length)];
        var count = random.Next(1, ids.Length);
        foreach (var to in ids.Where(id => id != from).OrderBy(_ => random.Next()).Take(count))
        {
            network.Cut(from, to);
            Trace.Add(now, Format($"network: cut {from} -> {to} (one way)"));
        }
    }

    private void IsolateLeader()
    {
        var leader = nodes.Values.FirstOrDefault(n => n.IsLeader);
        if (leader is null)
        {
            return;
        }

        var inbound = random.Next(2) == 0;
        foreach (var other in nodes.Keys.Where(id => id != leader.Id))
        {
            network.Cut(leader.Id, other);
            if (inbound)
            {
                network.Cut(other, leader.Id);
            }
        }

        Trace.Add(now, Format($"network: leader {leader.Id} isolated ({(inbound ? "both ways" : "outbound only")})"));
    }

    private void ToggleRandomLink()
    {
        var ids = nodes.Keys.ToArray();
        var a = ids[random.Next(ids.Length)];
        var b = ids[random.Next(ids.Length)];
        if (a == b)
        {
            return;
        }

        if (network.IsCut(a, b))
        {
            network.HealLink(a, b);
            network.HealLink(b, a);
        }
        else
        {
            network.CutBothWays(a, b);
        }
    }

    private void HealEverything()
    {
        network.HealAll();
        network.Conditions = NetworkConditions.Reliable;
        flappingUntil = 0;
        Trace.Add(now, "=== faults heal: network reliable, crashed nodes restart ===");
        foreach (var node in nodes.Values.Where(n => !n.IsUp && !n.Removed))
        {
            Restart(node);
        }
    }
}
