using System.Globalization;
using ReefDB.Raft;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;
using ReefDB.Simulation.Clients;
using ReefDB.Simulation.Invariants;
using ReefDB.Simulation.Linearizability;
using ReefDB.Simulation.Network;

namespace ReefDB.Simulation.Cluster;

/// <summary>
/// A whole Raft group in one thread, driven tick by tick from ONE seeded <see cref="Random"/> (shared with the
/// Raft nodes for their election timeouts), so a seed replays exactly. One run: a chaos phase (faults,
/// client load, leader transfers, membership changes, compactions), then a liveness phase (everything healed,
/// a leader must emerge and fresh client requests must succeed within a bound), then the linearizability
/// check of the whole client history.
/// </summary>
internal sealed partial class SimCluster
{
    private readonly Random random;
    private readonly SimOptions options;
    private readonly SortedDictionary<ulong, SimNode> nodes = [];
    private readonly SimNetwork<Message> network;
    private readonly RaftInvariants invariants = new();
    private readonly KvHistory history = new();
    private readonly List<SimClient> clients = [];
    private readonly Dictionary<long, ClientRequest> requests = [];
    private ulong nextNodeId;
    private long now;
    private ulong maxAcknowledgedWriteIndex;
    private bool faultsActive = true;

    public SimCluster(int seed, SimTrace trace)
    {
        random = new Random(seed);
        Trace = trace;
        options = SimOptions.FromSeed(random);
        network = new SimNetwork<Message>(random);
        var voters = Enumerable.Range(1, options.Voters).Select(i => (ulong)i).ToArray();
        var learners = Enumerable.Range(options.Voters + 1, options.Learners).Select(i => (ulong)i).ToArray();
        var membership = new Membership(voters, learners);
        foreach (var id in membership.All)
        {
            nodes[id] = new SimNode(id, new MemoryRaftStorage(membership));
            Start(nodes[id]);
        }

        nextNodeId = (ulong)(options.Voters + options.Learners + 1);
        clients.AddRange(Enumerable.Range(1, options.Clients).Select(i => new SimClient(i)));
        Trace.Add(now, $"start {options}");
    }

    public SimTrace Trace { get; }

    public SimStats Stats { get; } = new();

    public SimOptions Options => options;

    public KvHistory History => history;

    /// <summary>Runs the chaos phase, the liveness phase and the linearizability check; throws on any failure.</summary>
    public void Run()
    {
        for (var tick = 0; tick < options.ChaosTicks; tick++)
        {
            Step(chaos: true);
        }

        faultsActive = false;
        HealEverything();
        RunLivenessPhase();
        CheckWholeLogs();
        CheckHistory();
    }

    private void Step(bool chaos)
    {
        now++;
        if (chaos)
        {
            InjectFaults();
            RunAdministration();
        }

        foreach (var (from, to, message, delivered) in network.TakeDue(now))
        {
            if (!delivered)
            {
                ReportTransportFailure(from, to, message);
                continue;
            }

            if (nodes.TryGetValue(to, out var target) && target.Raft is { } raft)
            {
                if (Trace.Enabled && message.Type is not (MessageType.Heartbeat or MessageType.HeartbeatResponse))
                {
                    Trace.Add(now, "deliver " + TraceFormat.Message(message));
                }

                raft.Step(message);
                Drain(target);
            }

            if (message.Type == MessageType.Snapshot && nodes.TryGetValue(from, out var sender) && sender.Raft is { } senderRaft)
            {
                // The snapshot stream ended: the sender's transport knows whether it reached a live node (etcd's ReportSnapshot).
                senderRaft.ReportSnapshot(to, succeeded: target?.IsUp == true);
                Drain(sender);
            }
        }

        foreach (var node in nodes.Values)
        {
            // An occasional skipped tick models a slow clock; Safe read-index does not depend on clock rates,
            // lease reads do (so seeds with lease reads keep every clock in step).
            if (node.Raft is { } raft && (!chaos || options.LeaseReads || random.NextDouble() > 0.02))
            {
                raft.Tick();
                Drain(node);
            }
        }

        DriveClients(chaos);
        if (now % 25 == 0)
        {
            CheckWholeLogs();
        }
    }

    /// <summary>The checks that read whole logs: too costly for every step, so every 25 ticks and at the end.</summary>
    private void CheckWholeLogs()
    {
        var logs = nodes.Values.Select(n => (n, new LogView(n.Disk))).ToList();
        foreach (var (node, log) in logs)
        {
            invariants.CheckNodeLog(node.Id, node.IsUp ? node.Applied : 0, log, node.Disk.Snapshot().Metadata.Index);
        }

        for (var i = 0; i < logs.Count; i++)
        {
            for (var j = i + 1; j < logs.Count; j++)
            {
                RaftInvariants.CheckLogsMatch(logs[i].n.Id, logs[i].Item2, logs[j].n.Id, logs[j].Item2);
            }
        }
    }

    private void Start(SimNode node)
    {
        var snapshot = node.Disk.Snapshot();
        node.Machine.Restore(snapshot.Data);
        node.Applied = snapshot.Metadata.Index;
        node.HardState = node.Disk.HardState;
        node.SoftState = new SoftState(0, RaftRole.Follower);
        node.CommittedWhenElected = null;
        node.WaitingReads.Clear();
        node.TransportFailures.Clear();
        node.Raft = new RaftNode(
            new RaftConfig
            {
                Id = node.Id,
                ElectionTick = options.ElectionTick,
                HeartbeatTick = 1,
                Random = random,
                Applied = node.Applied,
                MaxSizePerMessage = options.MaxSizePerMessage,
                MaxInflightMessages = options.MaxInflightMessages,
                MaxUncommittedEntriesSize = 64 * 1024,
                CheckQuorum = options.CheckQuorum,
                PreVote = options.PreVote,
                ReadOnlyOption = options.LeaseReads ? ReadOnlyOption.LeaseBased : ReadOnlyOption.Safe,
            },
            node.Disk);
        Trace.Add(now, string.Create(CultureInfo.InvariantCulture, $"node {node.Id} starts: hard={node.HardState} snapshot={snapshot.Metadata.Index} log=[{node.Disk.FirstIndex},{node.Disk.LastIndex}]"));
    }

    private void Crash(SimNode node, string when)
    {
        node.Raft = null;
        node.CommittedWhenElected = null;
        Stats.Crashes++;
        Trace.Add(now, $"node {node.Id} CRASHES {when}");
        foreach (var request in requests.Values.Where(r => r.Node == node.Id).ToList())
        {
            TimeOut(request, "its node crashed");
        }
    }

    /// <summary>
    /// A message the sender's transport knows did not arrive (a cut link): report the peer unreachable, and a
    /// snapshot as failed, as a real runtime does. Called outside Ready handling, so the sender may be stepped.
    /// </summary>
    private void ReportTransportFailure(ulong from, ulong to, Message message)
    {
        if (!nodes.TryGetValue(from, out var sender) || sender.Raft is not { } raft)
        {
            return;
        }

        if (message.Type == MessageType.Snapshot)
        {
            raft.ReportSnapshot(to, succeeded: false);
        }
        else if (message.Type == MessageType.Append)
        {
            raft.ReportUnreachable(to);
        }

        Drain(sender);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
