using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Raft.Tests.Support;

/// <summary>
/// A handful of <see cref="RaftNode"/>s wired by an in-memory network that the test controls: messages queue up
/// until delivered, and links can be cut. Each node's driver follows the <see cref="Ready"/> contract exactly.
/// </summary>
internal sealed class TestCluster
{
    private readonly SortedDictionary<ulong, TestNode> nodes = [];
    private readonly HashSet<(ulong From, ulong To)> cut = [];

    public TestCluster(int voters, Func<ulong, RaftConfig>? configure = null, int seed = 1)
    {
        Configure = configure ?? (id => Config(id, seed));
        var membership = new Membership(Enumerable.Range(1, voters).Select(i => (ulong)i));
        for (ulong id = 1; id <= (ulong)voters; id++)
        {
            Add(id, membership);
        }
    }

    public Func<ulong, RaftConfig> Configure { get; }

    /// <summary>Messages sent and not yet delivered, in send order.</summary>
    public List<Message> InFlight { get; } = [];

    public TestNode this[ulong id] => nodes[id];

    public IEnumerable<TestNode> Nodes => nodes.Values;

    public static RaftConfig Config(ulong id, int seed = 1, bool preVote = false, bool checkQuorum = false) => new()
    {
        Id = id,
        ElectionTick = 10,
        HeartbeatTick = 1,
        Random = new Random(seed + (int)id),
        PreVote = preVote,
        CheckQuorum = checkQuorum,
        MaxSizePerMessage = ulong.MaxValue,
        MaxInflightMessages = 256,
    };

    public TestNode Add(ulong id, Membership membership) => Add(id, new MemoryRaftStorage(membership));

    /// <summary>Adds a node over storage the test prepared (a log, a hard state).</summary>
    public TestNode Add(ulong id, MemoryRaftStorage storage)
    {
        var node = new TestNode(new RaftNode(Configure(id), storage), storage);
        nodes[id] = node;
        return node;
    }

    /// <summary>Restarts a node from what it persisted, losing everything else.</summary>
    public void Restart(ulong id)
    {
        var old = nodes[id];
        nodes[id] = new TestNode(new RaftNode(Configure(id), old.Storage), old.Storage);
    }

    public void Isolate(ulong id)
    {
        foreach (var other in nodes.Keys)
        {
            if (other != id)
            {
                Cut(id, other);
            }
        }
    }

    public void Cut(ulong a, ulong b)
    {
        cut.Add((a, b));
        cut.Add((b, a));
    }

    public void Heal() => cut.Clear();

    /// <summary>Handles every node's Ready once, queueing the messages produced.</summary>
    public bool ProcessReadies()
    {
        var any = false;
        foreach (var node in nodes.Values)
        {
            while (node.Raft.HasReady)
            {
                InFlight.AddRange(node.HandleReady());
                any = true;
            }
        }

        return any;
    }

    /// <summary>Delivers every queued message (dropping those on cut links); returns how many were delivered.</summary>
    public int Deliver()
    {
        var batch = InFlight.ToArray();
        InFlight.Clear();
        var delivered = 0;
        foreach (var m in batch)
        {
            if (cut.Contains((m.From, m.To)) || !nodes.TryGetValue(m.To, out var target))
            {
                continue;
            }

            target.Raft.Step(m);
            delivered++;
        }

        return delivered;
    }

    /// <summary>Processes readies and delivers messages until nothing moves.</summary>
    public void Stabilize()
    {
        for (var round = 0; round < 10_000; round++)
        {
            var processed = ProcessReadies();
            var delivered = Deliver();
            if (!processed && delivered == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("Cluster did not stabilize in 10000 rounds.");
    }

    public void Tick(ulong id, int ticks = 1)
    {
        for (var i = 0; i < ticks; i++)
        {
            nodes[id].Raft.Tick();
        }
    }

    public void TickAll(int ticks = 1)
    {
        for (var i = 0; i < ticks; i++)
        {
            foreach (var node in nodes.Values)
            {
                node.Raft.Tick();
            }
        }
    }

    /// <summary>Campaigns on <paramref name="id"/> and stabilizes.</summary>
    public void Elect(ulong id)
    {
        nodes[id].Raft.Campaign();
        Stabilize();
    }

    public TestNode? Leader() => nodes.Values.SingleOrDefault(n => n.Raft.Role == RaftRole.Leader);
}
