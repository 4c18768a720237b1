using ReefDB.Raft;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Benchmarks.Raft;

/// <summary>
/// Three <see cref="RaftNode"/>s wired in memory with a driver that follows the Ready contract (persist to
/// <see cref="MemoryRaftStorage"/>, send, apply, advance). No disk, no network: it measures the core alone.
/// </summary>
internal sealed class InMemoryRaftCluster
{
    private readonly RaftNode[] nodes;
    private readonly MemoryRaftStorage[] storages;
    private List<Message> inFlight = [];
    private List<Message> delivering = [];

    public InMemoryRaftCluster(int size)
    {
        var membership = new Membership(Enumerable.Range(1, size).Select(i => (ulong)i));
        nodes = new RaftNode[size];
        storages = new MemoryRaftStorage[size];
        for (var i = 0; i < size; i++)
        {
            storages[i] = new MemoryRaftStorage(membership);
            nodes[i] = new RaftNode(
                new RaftConfig
                {
                    Id = (ulong)i + 1,
                    Random = new Random(i + 1),
                    MaxInflightMessages = 512,
                    MaxSizePerMessage = 1024 * 1024,
                },
                storages[i]);
        }

        nodes[0].Campaign();
        PumpUntilQuiet();
    }

    public RaftNode Leader => nodes[0];

    /// <summary>Entries the leader has handed out as committed (its apply loop's count).</summary>
    public long CommittedOnLeader { get; private set; }

    /// <summary>Handles one Ready per node and delivers everything sent; returns false when nothing moved.</summary>
    public bool Pump()
    {
        var moved = false;
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (!node.HasReady)
            {
                continue;
            }

            moved = true;
            var ready = node.GetReady();
            var storage = storages[i];
            if (ready.Snapshot is not null)
            {
                storage.ApplySnapshot(ready.Snapshot);
            }

            storage.Append(ready.Entries);
            if (ready.HardState is { } hard)
            {
                storage.SetHardState(hard);
            }

            inFlight.AddRange(ready.Messages);
            if (i == 0)
            {
                CommittedOnLeader += ready.CommittedEntries.Count;
            }

            node.Advance(ready);
        }

        (inFlight, delivering) = (delivering, inFlight);
        foreach (var m in delivering)
        {
            nodes[m.To - 1].Step(m);
            moved = true;
        }

        delivering.Clear();
        return moved;
    }

    public void PumpUntilQuiet()
    {
        while (Pump())
        {
        }
    }

    /// <summary>Drops applied log prefixes so memory stays flat across iterations.</summary>
    public void Compact()
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            var applied = nodes[i].Status.Applied;
            if (applied > storages[i].FirstIndex)
            {
                storages[i].CreateSnapshot(applied, nodes[i].MembershipAt(applied), ReadOnlyMemory<byte>.Empty);
                storages[i].Compact(applied);
            }
        }
    }
}
