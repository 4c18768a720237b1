using System.Globalization;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Raft.Tests.Core;

/// <summary>
/// A small seeded fault-injection run kept inside the core's own suite (the full simulation lives in
/// ReefDB.Simulation): message loss, duplication and reordering, restarts, compaction and membership changes,
/// checking election safety and state machine safety after every step.
/// </summary>
public sealed class RandomizedSafetyTests
{
    /// <summary>24 seeds by default; REEFDB_RAFT_CHAOS_SEEDS=N runs N (for a longer hunt, not for CI).</summary>
    public static TheoryData<int> Seeds() =>
        [.. Enumerable.Range(1, int.TryParse(Environment.GetEnvironmentVariable("REEFDB_RAFT_CHAOS_SEEDS"), out var n) ? n : 24)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Safety_holds_under_faults(int seed)
    {
        var world = new ChaosWorld(seed);
        try
        {
            world.Run(steps: 3000);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"seed {seed} failed at step {world.Step}: {e.Message}\n{string.Join('\n', world.Trace.TakeLast(40))}", e);
        }

        world.HealAndSettle();

        // Without pre-vote or check-quorum a removed node that missed its removal disrupts the group forever
        // (dissertation §4.2.3); liveness is only promised with one of them on.
        var protectedFromDisruption = seed % 2 == 0 || seed % 3 != 0;
        Assert.True(!protectedFromDisruption || world.AllCommittedSameEverywhere(), $"seed {seed}: nodes disagree after healing\n{world.Describe()}\n{string.Join('\n', world.Trace.TakeLast(60))}");
    }

    private sealed class ChaosWorld
    {
        private readonly Random random;
        private readonly SortedDictionary<ulong, (RaftNode Raft, MemoryRaftStorage Storage)> nodes = [];
        private readonly List<Message> network = [];
        private readonly Dictionary<ulong, ulong> leaderOfTerm = [];
        private readonly Dictionary<ulong, (ulong Term, string Data)> committed = [];
        private readonly Dictionary<ulong, ulong> appliedUpTo = [];
        private readonly HashSet<ulong> down = [];
        private readonly int seed;
        private int proposals;
        private int restarts;

        public ChaosWorld(int seed)
        {
            this.seed = seed;
            random = new Random(seed);
            var membership = new Membership([1, 2, 3, 4, 5]);
            for (ulong id = 1; id <= 5; id++)
            {
                var storage = new MemoryRaftStorage(membership);
                nodes[id] = (new RaftNode(Config(id, seed), storage), storage);
            }
        }

        public int Step { get; private set; }

        private readonly Queue<Func<string>> trace = new();

        /// <summary>The last steps, formatted only when a failure needs them.</summary>
        public IEnumerable<string> Trace => trace.Select(t => t());

        private void Log(Func<string> line)
        {
            trace.Enqueue(line);
            if (trace.Count > 60)
            {
                trace.Dequeue();
            }
        }

        private static RaftConfig Config(ulong id, int seed, int restarts = 0) => new()
        {
            Id = id,
            ElectionTick = 10,
            HeartbeatTick = 2,
            Random = new Random((seed * 31) + (int)id + (restarts * 1000)),
            PreVote = seed % 2 == 0,
            CheckQuorum = seed % 3 != 0,
            MaxSizePerMessage = 64,
            MaxInflightMessages = 4,
        };

        public void Run(int steps)
        {
            for (Step = 0; Step < steps; Step++)
            {
                var ids = nodes.Keys.Where(id => !down.Contains(id)).ToArray();
                var id = ids[random.Next(ids.Length)];
                var node = nodes[id].Raft;
                var dice = random.Next(100);
                if (dice < 30)
                {
                    node.Tick();
                }
                else if (dice < 65)
                {
                    DeliverSome();
                }
                else if (dice < 80)
                {
                    try
                    {
                        node.Propose(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"v{proposals++}")));
                    }
                    catch (ProposalDroppedException)
                    {
                    }
                }
                else if (dice < 82)
                {
                    Restart(id);
                }
                else if (dice < 83)
                {
                    Compact(id);
                }
                else if (dice < 84)
                {
                    ChangeMembership(node);
                }
                else if (dice < 85)
                {
                    TogglePartition(id);
                }
                else if (dice < 86)
                {
                    try
                    {
                        node.TransferLeader((ulong)random.Next(1, 6));
                    }
                    catch (ProposalDroppedException)
                    {
                    }
                }

                ProcessReadies();
                Check();
            }
        }

        public void HealAndSettle()
        {
            down.Clear();
            for (var i = 0; i < 2000; i++)
            {
                foreach (var (_, n) in nodes)
                {
                    n.Raft.Tick();
                }

                for (var r = 0; r < 5; r++)
                {
                    ProcessReadies();
                    DeliverAll();
                }

                Check();
            }
        }

        public string Describe() => string.Join('\n', nodes.Select(n =>
        {
            var s = n.Value.Raft.Status;
            return string.Create(CultureInfo.InvariantCulture,
                $"{n.Key}: {s.SoftState.Role} term={s.HardState.Term} lead={s.SoftState.Leader} commit={s.HardState.Commit} last={s.LastIndex} first={s.FirstIndex} {s.Membership} {string.Join("; ", s.Progress.Select(p => p.Id + ":" + p.Description))}");
        }));

        public bool AllCommittedSameEverywhere()
        {
            // A node removed while it was cut off never learns it (it keeps pre-voting, harmlessly): judge the
            // members of the leader's membership only.
            var leaders = nodes.Values.Where(n => n.Raft.Role == RaftRole.Leader).ToList();
            if (leaders.Count != 1)
            {
                return false;
            }

            var membership = leaders[0].Raft.Membership;
            var members = nodes.Where(n => membership.Contains(n.Key)).ToList();
            var commits = members.Select(n => n.Value.Raft.Status.HardState.Commit).Distinct().ToList();
            return commits.Count == 1;
        }

        private void DeliverSome()
        {
            if (network.Count == 0)
            {
                return;
            }

            var count = random.Next(1, Math.Min(network.Count, 8) + 1);
            for (var i = 0; i < count && network.Count > 0; i++)
            {
                var at = random.Next(network.Count);
                var m = network[at];
                if (random.Next(10) != 0)
                {
                    network.RemoveAt(at); // else duplicate: delivered now and again later
                }

                if (random.Next(10) == 0 || down.Contains(m.To) || down.Contains(m.From))
                {
                    continue; // lost
                }

                Deliver(m);
            }
        }

        private void DeliverAll()
        {
            var batch = network.ToArray();
            network.Clear();
            foreach (var m in batch)
            {
                Deliver(m);
            }
        }

        private void Deliver(Message m)
        {
            if (nodes.TryGetValue(m.To, out var target))
            {
                var step = Step;
                Log(() => string.Create(CultureInfo.InvariantCulture, $"{step}: {MessageFormatter.Format(m)}"));
                target.Raft.Step(m);
            }
        }

        private void ProcessReadies()
        {
            foreach (var (id, (raft, storage)) in nodes)
            {
                while (raft.HasReady)
                {
                    var ready = raft.GetReady();
                    if (ready.Snapshot is not null)
                    {
                        storage.ApplySnapshot(ready.Snapshot);
                        appliedUpTo[id] = ready.Snapshot.Metadata.Index;
                    }

                    storage.Append(ready.Entries);
                    if (ready.HardState is { } hard)
                    {
                        storage.SetHardState(hard);
                    }

                    network.AddRange(ready.Messages);
                    foreach (var entry in ready.CommittedEntries)
                    {
                        RecordApplied(id, entry);
                    }

                    raft.Advance(ready);
                }
            }
        }

        private void RecordApplied(ulong id, Entry entry)
        {
            var last = appliedUpTo.GetValueOrDefault(id);
            if (entry.Index != last + 1 && last != 0)
            {
                throw new InvalidOperationException($"node {id} applied {entry.Index} after {last}");
            }

            appliedUpTo[id] = entry.Index;
            var data = entry.Type == EntryType.Normal ? System.Text.Encoding.UTF8.GetString(entry.Data.Span) : "conf";
            if (committed.TryGetValue(entry.Index, out var known))
            {
                if (known.Term != entry.Term || known.Data != data)
                {
                    throw new InvalidOperationException(
                        $"node {id} applied {entry.Term}/{entry.Index} '{data}' but {known.Term}/{entry.Index} '{known.Data}' was applied elsewhere");
                }
            }
            else
            {
                committed[entry.Index] = (entry.Term, data);
            }
        }

        private void Check()
        {
            foreach (var (id, (raft, _)) in nodes)
            {
                if (raft.Role != RaftRole.Leader)
                {
                    continue;
                }

                if (leaderOfTerm.TryGetValue(raft.Term, out var other) && other != id)
                {
                    throw new InvalidOperationException($"two leaders in term {raft.Term}: {other} and {id}");
                }

                leaderOfTerm[raft.Term] = id;
            }
        }

        private void Restart(ulong id)
        {
            var storage = nodes[id].Storage;
            var config = Config(id, seed, ++restarts);
            nodes[id] = (new RaftNode(config, storage), storage);
            appliedUpTo[id] = storage.FirstIndex - 1;
            var at = Step;
            Log(() => string.Create(CultureInfo.InvariantCulture, $"{at}: restart {id}"));
        }

        private void Compact(ulong id)
        {
            var (raft, storage) = nodes[id];
            var applied = raft.Status.Applied;
            if (applied <= storage.FirstIndex)
            {
                return;
            }

            storage.CreateSnapshot(applied, raft.MembershipAt(applied), "snap"u8.ToArray());
            storage.Compact(applied);
            var at = Step;
            Log(() => string.Create(CultureInfo.InvariantCulture, $"{at}: compact {id} to {applied}"));
        }

        private void ChangeMembership(RaftNode node)
        {
            var membership = node.Membership;
            var id = (ulong)random.Next(1, 6);
            ConfChange change;
            if (membership.IsLearner(id))
            {
                change = new ConfChange(ConfChangeType.PromoteLearner, id);
            }
            else if (membership.IsVoter(id))
            {
                if (membership.Voters.Count <= 3)
                {
                    return;
                }

                change = new ConfChange(random.Next(2) == 0 ? ConfChangeType.RemoveNode : ConfChangeType.RemoveNode, id);
            }
            else
            {
                change = new ConfChange(random.Next(2) == 0 ? ConfChangeType.AddLearner : ConfChangeType.AddVoter, id);
            }

            try
            {
                node.ProposeConfChange(change);
                var at = Step;
                Log(() => string.Create(CultureInfo.InvariantCulture, $"{at}: propose {change} on {node.Id}"));
            }
            catch (ProposalDroppedException)
            {
            }
        }

        private void TogglePartition(ulong id)
        {
            if (!down.Remove(id) && down.Count < 2)
            {
                down.Add(id);
            }
        }
    }
}
