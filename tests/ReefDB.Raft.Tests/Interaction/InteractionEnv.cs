using System.Globalization;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;
using ReefDB.Raft.Tests.Support;

namespace ReefDB.Raft.Tests.Interaction;

/// <summary>
/// The world an interaction script drives: nodes with in-memory storage, a queue of undelivered messages, and
/// partitions. Each command appends readable lines to the output (see <see cref="Run"/> for the commands).
/// </summary>
internal sealed partial class InteractionEnv
{
    private readonly SortedDictionary<ulong, TestNode> nodes = [];
    private readonly Dictionary<ulong, RaftConfig> configs = [];
    private readonly Dictionary<ulong, int> partition = [];
    private readonly List<Message> queue = [];
    private readonly List<string> output = [];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs one command line and returns its output lines.</summary>
    public IReadOnlyList<string> Run(string line)
    {
        output.Clear();
        var args = new Args(line);
        switch (args.Command)
        {
            case "add-nodes": AddNodes(args); break;
            case "campaign": Node(args.Id(0)).Raft.Campaign(); break;
            case "tick": Tick(args); break;
            case "tick-election": TickTimes(args.Id(0), configs[args.Id(0)].ElectionTick * 2); break;
            case "tick-heartbeat": TickTimes(args.Id(0), configs[args.Id(0)].HeartbeatTick); break;
            case "propose": Guard(() => Node(args.Id(0)).Raft.Propose(System.Text.Encoding.UTF8.GetBytes(args.Positional[1]))); break;
            case "propose-conf-change": ProposeConfChange(args); break;
            case "read-index": Guard(() => Node(args.Id(0)).Raft.ReadIndex(System.Text.Encoding.UTF8.GetBytes(args.Positional[1]))); break;
            case "transfer-leader": Guard(() => Node(args.Id(0)).Raft.TransferLeader(args.Id(1))); break;
            case "process-ready": foreach (var id in args.Ids()) { ProcessReady(id); } break;
            case "deliver-msgs": DeliverMessages(args); break;
            case "stabilize": Stabilize(args.Ids().Count > 0 ? args.Ids() : [.. nodes.Keys]); break;
            case "partition": Partition(line); break;
            case "heal": partition.Clear(); output.Add("ok"); break;
            case "status": Status(args.Id(0)); break;
            case "raft-state": RaftState(); break;
            case "raft-log": RaftLog(args.Id(0)); break;
            case "compact": Compact(args.Id(0), args.Number(1)); break;
            case "restart": Restart(args.Id(0)); break;
            case "report-unreachable": Node(args.Id(0)).Raft.ReportUnreachable(args.Id(1)); break;
            case "report-snapshot": Node(args.Id(0)).Raft.ReportSnapshot(args.Id(1), args.Positional[2] == "ok"); break;
            case "applied": Applied(args.Id(0)); break;
            default: throw new FormatException($"Unknown command '{args.Command}'.");
        }

        if (output.Count == 0)
        {
            output.Add("ok");
        }

        return [.. output];
    }

    private TestNode Node(ulong id) => nodes.TryGetValue(id, out var node) ? node : throw new FormatException($"No node {id}.");

    private void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (ProposalDroppedException e)
        {
            output.Add("error: " + e.Message);
        }
    }

    private void AddNodes(Args args)
    {
        var count = (int)args.Number(0);
        var first = nodes.Count == 0 ? 1UL : nodes.Keys.Max() + 1;
        var ids = Enumerable.Range(0, count).Select(i => first + (ulong)i).ToList();
        var voters = args.List("voters") ?? (args.Flag("empty") ? [] : ids);
        var learners = args.List("learners") ?? [];
        var membership = new Membership(voters, learners);
        foreach (var id in ids)
        {
            var config = new RaftConfig
            {
                Id = id,
                ElectionTick = (int)(args.Option("election-tick") ?? 10),
                HeartbeatTick = 1,
                Random = new Random((int)id),
                PreVote = args.Flag("pre-vote"),
                CheckQuorum = args.Flag("check-quorum"),
                MaxInflightMessages = (int)(args.Option("max-inflight") ?? 256),
                MaxSizePerMessage = args.Option("max-msg-bytes") ?? ulong.MaxValue,
                MaxUncommittedEntriesSize = args.Option("max-uncommitted") ?? 0,
                ReadOnlyOption = args.Flag("lease-read") ? ReadOnlyOption.LeaseBased : ReadOnlyOption.Safe,
            };
            configs[id] = config;
            var storage = new MemoryRaftStorage(membership);
            nodes[id] = new TestNode(new RaftNode(config, storage), storage);
        }

        output.Add(Invariant($"added {string.Join(' ', ids)}: {membership}"));
    }

    private void Tick(Args args) => TickTimes(args.Id(0), args.Positional.Count > 1 ? (int)args.Number(1) : 1);

    private void TickTimes(ulong id, int times)
    {
        for (var i = 0; i < times; i++)
        {
            TrackState(id, () => Node(id).Raft.Tick());
        }
    }

    private void ProposeConfChange(Args args)
    {
        var type = args.Positional[1] switch
        {
            "add-voter" => ConfChangeType.AddVoter,
            "add-learner" => ConfChangeType.AddLearner,
            "promote" => ConfChangeType.PromoteLearner,
            "remove" => ConfChangeType.RemoveNode,
            var other => throw new FormatException($"Unknown conf change '{other}'."),
        };
        Guard(() => Node(args.Id(0)).Raft.ProposeConfChange(new ConfChange(type, args.Id(2))));
    }

    /// <summary>Runs <paramref name="action"/> and reports a change of role, term or leader on node <paramref name="id"/>.</summary>
    private void TrackState(ulong id, Action action)
    {
        var raft = Node(id).Raft;
        var (role, term, lead) = (raft.Role, raft.Term, raft.Leader);
        action();
        if (raft.Role != role || raft.Term != term || raft.Leader != lead)
        {
            output.Add(Invariant($"  {id} is {raft.Role} at term {raft.Term}, leader {raft.Leader}"));
        }
    }

    private void Restart(ulong id)
    {
        var storage = Node(id).Storage;
        var hard = storage.HardState;
        var config = configs[id];
        configs[id] = new RaftConfig
        {
            Id = id,
            ElectionTick = config.ElectionTick,
            HeartbeatTick = config.HeartbeatTick,
            Random = new Random((int)id + 1000),
            PreVote = config.PreVote,
            CheckQuorum = config.CheckQuorum,
            MaxInflightMessages = config.MaxInflightMessages,
            MaxSizePerMessage = config.MaxSizePerMessage,
            MaxUncommittedEntriesSize = config.MaxUncommittedEntriesSize,
            ReadOnlyOption = config.ReadOnlyOption,
            Applied = Math.Max(storage.FirstIndex - 1, 0),
        };
        nodes[id] = new TestNode(new RaftNode(configs[id], storage), storage);
        output.Add(Invariant($"restarted {id} at term {hard.Term}, commit {hard.Commit}"));
    }

    private void Compact(ulong id, ulong index)
    {
        var node = Node(id);
        node.Storage.CreateSnapshot(index, node.Raft.MembershipAt(index), System.Text.Encoding.UTF8.GetBytes(Invariant($"snap@{index}")));
        node.Storage.Compact(index);
        RaftLog(id);
    }
}
