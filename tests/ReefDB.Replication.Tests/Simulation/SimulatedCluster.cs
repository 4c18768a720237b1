using System.Globalization;
using ReefDB.Raft.Storage;
using ReefDB.Replication.Transport;

namespace ReefDB.Replication.Tests.Simulation;

/// <summary>
/// Real <see cref="RaftReplica"/>s over an <see cref="InMemoryNetwork"/>, each on its own simulated disk
/// (<see cref="PowerCutFileSystem"/>), with the faults a <see cref="ReplicaSimulation"/> schedules: power cuts and
/// restarts, isolation, one-way link cuts, message loss, leader transfers and snapshots.
/// </summary>
internal sealed class SimulatedCluster : IAsyncDisposable
{
    private readonly TempDirectory root = new();
    private readonly ulong[] voters;
    private readonly Dictionary<ulong, PowerCutFileSystem> disks = [];
    private readonly Dictionary<ulong, RaftReplicaOptions> options = [];
    private readonly Lock gate = new();

    public SimulatedCluster(int seed, int size)
    {
        voters = [.. Enumerable.Range(1, size).Select(i => (ulong)i)];
        foreach (var id in voters)
        {
            var disk = new PowerCutFileSystem(root.Sub("node" + id));
            disks[id] = disk;
            options[id] = Batches.Options(Path.Combine(root.Sub("node" + id), "raft"), id, voters) with
            {
                Fsync = FsyncPolicy.Always,
                RandomSeed = seed * 10 + (int)id,
                SnapshotEntries = 40,
                CompactionTail = 10,
                SegmentBytes = 16 * 1024,
                ProposalTimeout = TimeSpan.FromSeconds(3),
                ReadTimeout = TimeSpan.FromSeconds(3),
                ConfigureStorage = storage => storage with { FileSystem = disk },
            };
            Start(id);
        }
    }

    public InMemoryNetwork Network { get; } = new();

    public IReadOnlyList<ulong> Voters => voters;

    /// <summary>The running members (a copy: safe to enumerate while the chaos goes on).</summary>
    public Dictionary<ulong, RaftReplica> Live
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<ulong, RaftReplica>(live);
            }
        }
    }

    private readonly Dictionary<ulong, RaftReplica> live = [];

    public List<string> Trace { get; } = [];

    public void Log(string line)
    {
        lock (Trace)
        {
            Trace.Add(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}"));
        }
    }

    /// <summary>Opens a member's replica on its disk (recovering what the last power cut left).</summary>
    public void Start(ulong id)
    {
        var replica = RaftReplica.Open(options[id], Network.TransportFor(id));
        Network.Register(replica);
        lock (gate)
        {
            live[id] = replica;
        }
    }

    /// <summary>Cuts a member's power at one of its next few disk operations (so mostly mid-write; at once after
    /// 300 ms of an idle disk): its disk fails every operation, its replica stops, it leaves the network, and its
    /// disk comes back with what a power cut leaves (<see cref="PowerCutFileSystem.Restart"/>).</summary>
    public async Task PowerCutAsync(ulong id, Random random)
    {
        var disk = disks[id];
        disk.CutPowerAfter(random.Next(8));
        for (var waited = 0; waited < 300 && !disk.IsOff; waited += 5)
        {
            await Task.Delay(5);
        }

        disk.CutPower();
        RaftReplica replica;
        lock (gate)
        {
            replica = live[id];
            live.Remove(id);
        }

        Network.Unregister(id);
        replica.Dispose();
        Log($"power cut on {id}:\n{disks[id].Restart(random).TrimEnd()}");
    }

    public RaftReplica? Leader() => Live.Values.FirstOrDefault(m => m.IsLeader && m.Failure is null);

    public async ValueTask DisposeAsync()
    {
        foreach (var member in Live.Values)
        {
            await member.DisposeAsync();
        }

        Network.Dispose();
        root.Dispose();
    }
}
