using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using ReefDB.Raft.Messages;

namespace ReefDB.Transport.Tests.Support;

/// <summary>A replica stand-in that records what the transport delivers and reports.</summary>
internal sealed class FakeEndpoint(ulong nodeId, string clusterId) : IRaftEndpoint
{
    private readonly Channel<Message> received = Channel.CreateUnbounded<Message>();
    private readonly Channel<(ulong Peer, bool Ok)> snapshotReports = Channel.CreateUnbounded<(ulong, bool)>();

    public ConcurrentQueue<ulong> Unreachable { get; } = new();

    public ConcurrentQueue<ReceivedSnapshot> Snapshots { get; } = new();

    public ConcurrentQueue<Exception> SnapshotFailures { get; } = new();

    /// <summary>Snapshot payloads this node can send, by index.</summary>
    public ConcurrentDictionary<ulong, byte[]> Outgoing { get; } = new();

    /// <summary>When set, Receive blocks until it is set (a stuck replica).</summary>
    public ManualResetEventSlim? Gate { get; set; }

    /// <summary>The size of each batch handed over with <see cref="ReceiveBatch"/>, in arrival order.</summary>
    public ConcurrentQueue<int> Batches { get; } = new();

    public void ReceiveBatch(IReadOnlyList<Message> messages)
    {
        Batches.Enqueue(messages.Count);
        foreach (var message in messages)
        {
            Receive(message);
        }
    }

    public void Receive(Message message)
    {
        Gate?.Wait(TimeSpan.FromSeconds(30));
        received.Writer.TryWrite(message);
    }

    public async Task ReceiveSnapshotAsync(Message message, Stream payload, CancellationToken cancellationToken)
    {
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[64 * 1024];
            long length = 0;
            int read;
            while ((read = await payload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }

            Snapshots.Enqueue(new ReceivedSnapshot(message, length, Convert.ToHexString(hash.GetHashAndReset())));
        }
        catch (Exception e)
        {
            SnapshotFailures.Enqueue(e);
            throw;
        }
    }

    public void ReportUnreachable(ulong peer) => Unreachable.Enqueue(peer);

    public void ReportSnapshot(ulong peer, bool succeeded) => snapshotReports.Writer.TryWrite((peer, succeeded));

    public Stream OpenSnapshot(SnapshotMetadata metadata) =>
        Outgoing.TryGetValue(metadata.Index, out var data)
            ? new MemoryStream(data, writable: false)
            : throw new FileNotFoundException($"no snapshot {metadata.Index}");

    public Task<RaftNodeInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new RaftNodeInfo(nodeId, clusterId, 7, RaftNodeRole.Follower, 2, 40, 39));

    /// <summary>Waits (bounded) for the next delivered message.</summary>
    public async Task<Message> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TestTimeouts.Delivery);
        return await received.Reader.ReadAsync(cancel.Token);
    }

    /// <summary>Waits (bounded) for <paramref name="count"/> messages.</summary>
    public async Task<List<Message>> NextAsync(int count, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TestTimeouts.Delivery);
        var messages = new List<Message>();
        while (messages.Count < count)
        {
            messages.Add(await received.Reader.ReadAsync(cancel.Token));
        }

        return messages;
    }

    public bool TryTake(out Message? message) => received.Reader.TryRead(out message);

    public async Task<(ulong Peer, bool Ok)> NextSnapshotReportAsync()
    {
        using var cancel = new CancellationTokenSource(TestTimeouts.Delivery);
        return await snapshotReports.Reader.ReadAsync(cancel.Token);
    }
}

internal sealed record ReceivedSnapshot(Message Message, long Length, string Sha256);
