using ReefDB.Raft;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Simulation.Regressions;

/// <summary>
/// A tiny hand-driven Raft group for regression tests distilled from simulation failures: messages wait in one
/// queue until <see cref="Deliver"/>, and a filter decides which ones are lost. No randomness but election jitter
/// from a fixed seed.
/// </summary>
internal sealed class ScriptedGroup
{
    private readonly Dictionary<ulong, (RaftNode Raft, MemoryRaftStorage Disk)> nodes = [];
    private readonly Queue<Message> queue = new();

    public ScriptedGroup(int voters, int maxInflight, ReadOnlyOption readOnlyOption = ReadOnlyOption.Safe)
    {
        var membership = new Membership(Enumerable.Range(1, voters).Select(i => (ulong)i));
        var random = new Random(7);
        foreach (var id in membership.Voters)
        {
            var disk = new MemoryRaftStorage(membership);
            var config = new RaftConfig { Id = id, Random = random, MaxInflightMessages = maxInflight, MaxSizePerMessage = 1, ReadOnlyOption = readOnlyOption };
            nodes[id] = (new RaftNode(config, disk), disk);
        }
    }

    /// <summary>Messages for which this returns true are lost instead of delivered.</summary>
    public Func<Message, bool> Drop { get; set; } = _ => false;

    public RaftNode this[ulong id] => nodes[id].Raft;

    public MemoryRaftStorage Disk(ulong id) => nodes[id].Disk;

    /// <summary>Every read state each node handed out, in order.</summary>
    public Dictionary<ulong, List<ReadState>> ReadStates { get; } = [];

    /// <summary>Persists and sends every Ready, then delivers queued messages until the group is quiet.</summary>
    public void Deliver()
    {
        Flush();
        while (queue.TryDequeue(out var message))
        {
            if (!Drop(message))
            {
                nodes[message.To].Raft.Step(message);
            }

            Flush();
        }
    }

    public void TickAll()
    {
        foreach (var (raft, _) in nodes.Values)
        {
            raft.Tick();
        }
    }

    private void Flush()
    {
        foreach (var (raft, disk) in nodes.Values)
        {
            while (raft.HasReady)
            {
                var ready = raft.GetReady();
                if (ready.Snapshot is { IsEmpty: false } snapshot)
                {
                    disk.ApplySnapshot(snapshot);
                }

                disk.Append(ready.Entries);
                if (ready.HardState is { } hardState)
                {
                    disk.SetHardState(hardState);
                }

                foreach (var readState in ready.ReadStates)
                {
                    var id = nodes.First(n => n.Value.Raft == raft).Key;
                    (ReadStates.TryGetValue(id, out var list) ? list : ReadStates[id] = []).Add(readState);
                }

                foreach (var message in ready.Messages)
                {
                    queue.Enqueue(message);
                }

                raft.Advance(ready);
            }
        }
    }
}
