using System.Collections.Concurrent;
using ReefDB.Raft.Messages;

namespace ReefDB.Replication.Transport;

/// <summary>
/// An in-process network of replicas, for tests: each member sends through <see cref="TransportFor"/>; delivery is
/// asynchronous (one ordered queue per destination, drained by its own task, which delivers with
/// <see cref="RaftReplica.ReceiveAndDrive"/> like the gRPC server), so <see cref="IRaftTransport.Send"/> never blocks. Snapshots travel as streams, as over a real network: opened with
/// <see cref="RaftReplica.OpenSnapshot"/> and received with <see cref="RaftReplica.ReceiveSnapshotAsync"/>.
/// </summary>
/// <remarks>Links can be cut (<see cref="Isolate"/>, or one way with <see cref="CutLink"/>) to simulate a crashed or
/// partitioned member, and messages lost at random (<see cref="SetMessageLoss"/>); messages to a member that is not
/// registered or is isolated are dropped. A dropped snapshot is reported to its sender as failed.</remarks>
public sealed class InMemoryNetwork : IDisposable
{
    private readonly ConcurrentDictionary<ulong, RaftReplica> members = new();
    private readonly ConcurrentDictionary<ulong, Mailbox> mailboxes = new();
    private readonly ConcurrentDictionary<ulong, bool> isolated = new();
    private readonly ConcurrentDictionary<(ulong From, ulong To), bool> cutLinks = new();
    private readonly Lock lossGate = new();
    private Random lossRandom = new(0);
    private double lossRate;
    private readonly CancellationTokenSource shutdown = new();

    /// <summary>The transport member <paramref name="nodeId"/> sends through.</summary>
    public IRaftTransport TransportFor(ulong nodeId) => new Endpoint(this, nodeId);

    /// <summary>Makes <paramref name="replica"/> reachable (replacing an earlier instance of the same id).</summary>
    public void Register(RaftReplica replica)
    {
        ArgumentNullException.ThrowIfNull(replica);
        members[replica.NodeId] = replica;
    }

    /// <summary>Makes <paramref name="nodeId"/> unreachable (messages to it are dropped) until <see cref="Heal"/>.</summary>
    public void Unregister(ulong nodeId) => members.TryRemove(nodeId, out _);

    /// <summary>Cuts every link to and from <paramref name="nodeId"/>.</summary>
    public void Isolate(ulong nodeId) => isolated[nodeId] = true;

    /// <summary>Restores the links of <paramref name="nodeId"/>.</summary>
    public void Heal(ulong nodeId) => isolated.TryRemove(nodeId, out _);

    /// <summary>Cuts the link from <paramref name="from"/> to <paramref name="to"/> (one way) until <see cref="RestoreLinks"/>.</summary>
    public void CutLink(ulong from, ulong to) => cutLinks[(from, to)] = true;

    /// <summary>Restores every link cut by <see cref="CutLink"/> (isolation stays until <see cref="Heal"/>).</summary>
    public void RestoreLinks() => cutLinks.Clear();

    /// <summary>Loses each message with probability <paramref name="rate"/> (0: none), drawing from a source seeded
    /// with <paramref name="seed"/>; which messages are lost still depends on thread timing.</summary>
    public void SetMessageLoss(double rate, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1.0);
        lock (lossGate)
        {
            lossRandom = new Random(seed);
            lossRate = rate;
        }
    }

    /// <summary>Snapshots delivered so far (tests check that a member caught up by snapshot).</summary>
    public int SnapshotsDelivered => snapshotsDelivered;

    private int snapshotsDelivered;

    /// <inheritdoc />
    public void Dispose()
    {
        shutdown.Cancel();
        shutdown.Dispose();
    }

    private void Enqueue(ulong from, Message message)
    {
        if (isolated.ContainsKey(from) || isolated.ContainsKey(message.To))
        {
            return;
        }

        mailboxes.GetOrAdd(message.To, to => new Mailbox(this, to)).Post(from, message);
    }

    private async Task DeliverAsync(ulong from, Message message)
    {
        if (isolated.ContainsKey(from) || isolated.ContainsKey(message.To) || cutLinks.ContainsKey((from, message.To)) || Lost()
            || !members.TryGetValue(message.To, out var target))
        {
            if (message.Type == MessageType.Snapshot && members.TryGetValue(from, out var sender))
            {
                sender.ReportSnapshot(message.To, succeeded: false);
            }

            return;
        }

        if (message.Type != MessageType.Snapshot)
        {
            // As the gRPC server does: the draining task may step the message and handle its Readies itself.
            target.ReceiveAndDrive([message]);
            return;
        }

        members.TryGetValue(from, out var source);
        try
        {
            using var payload = source!.OpenSnapshot(message.Snapshot!.Metadata);
            await target.ReceiveSnapshotAsync(message, payload, shutdown.Token).ConfigureAwait(false);
            Interlocked.Increment(ref snapshotsDelivered);
            source.ReportSnapshot(message.To, succeeded: true);
        }
        catch (Exception) when (source is not null)
        {
            source.ReportSnapshot(message.To, succeeded: false);
        }
    }

    private bool Lost()
    {
        lock (lossGate)
        {
            return lossRate > 0 && lossRandom.NextDouble() < lossRate;
        }
    }

    private sealed class Endpoint(InMemoryNetwork network, ulong nodeId) : IRaftTransport
    {
        public void Send(IReadOnlyList<Message> messages)
        {
            foreach (var message in messages)
            {
                network.Enqueue(nodeId, message);
            }
        }
    }

    /// <summary>One destination's queue, drained in order by one task at a time.</summary>
    private sealed class Mailbox(InMemoryNetwork network, ulong to)
    {
        private const int Capacity = 10_000;
        private readonly ConcurrentQueue<(ulong From, Message Message)> queue = new();
        private int draining;

        public void Post(ulong from, Message message)
        {
            if (queue.Count >= Capacity)
            {
                return; // Bounded, like a real transport: Raft retransmits.
            }

            queue.Enqueue((from, message));
            if (Interlocked.CompareExchange(ref draining, 1, 0) == 0)
            {
                _ = Task.Run(DrainAsync);
            }
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                while (queue.TryDequeue(out var item))
                {
                    try
                    {
                        await network.DeliverAsync(item.From, item.Message).ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // A stopped replica: the message is lost, as on a network.
                    }
                }

                Volatile.Write(ref draining, 0);
                if (queue.IsEmpty || Interlocked.CompareExchange(ref draining, 1, 0) != 0)
                {
                    return;
                }
            }
        }

        public override string ToString() => $"mailbox of {to}";
    }
}
