using System.Threading.Channels;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using ReefDB.Raft.Messages;
using ReefDB.Transport.Metrics;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Client;

/// <summary>
/// Everything sent to one peer: a bounded queue, one worker that batches the queue onto a long-lived stream, and
/// snapshot uploads beside it.
/// </summary>
/// <remarks>
/// Invariants: <see cref="Enqueue"/> never blocks (a full queue drops and counts, Raft retransmits); the worker is
/// the only reader of the queue; a failing peer only ever delays its own worker, never the caller or other peers.
/// </remarks>
internal sealed partial class PeerSender : IAsyncDisposable
{
    private readonly RaftTransportOptions options;
    private readonly IPeerEvents events;
    private readonly ILogger logger;
    private readonly Channel<Message> queue;
    private readonly CancellationTokenSource stop = new();
    private readonly GrpcChannel channel;
    private readonly W.Raft.RaftClient client;
    private readonly Task worker;

    public PeerSender(ulong peerId, string address, RaftTransportOptions options, IPeerEvents events, ILogger logger)
    {
        PeerId = peerId;
        Address = address;
        this.options = options;
        this.events = events;
        this.logger = logger;
        queue = Channel.CreateBounded<Message>(new BoundedChannelOptions(options.PeerQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
            // The worker idling in WaitToReadAsync resumes on the enqueuing thread (the replica's driver) and hands the
            // batch to the stream at once, instead of waiting for a thread-pool thread: on a loaded machine with few
            // cores that wake-up cost milliseconds per message. It runs only until its next await (the write).
            AllowSynchronousContinuations = true,
        });
        channel = PeerChannel.Create(address, options);
        client = new W.Raft.RaftClient(channel);
        worker = Task.Run(RunAsync);
    }

    public ulong PeerId { get; }

    public string Address { get; }

    public PeerCounters Counters { get; } = new();

    public int QueueLength => queue.Reader.Count;

    /// <summary>Queues a message for the stream; drops and counts it when the queue is full or closed.</summary>
    public void Enqueue(Message message)
    {
        if (!queue.Writer.TryWrite(message))
        {
            Counters.AddDropped(1);
        }
    }

    public PeerTransportStats Stats() => new(
        PeerId,
        Address,
        Counters.Connected,
        QueueLength,
        Counters.Sent,
        Counters.Dropped,
        Counters.Failures,
        Counters.Reconnects,
        Counters.SnapshotsSent,
        Counters.SnapshotsFailed);

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await worker.ConfigureAwait(false);
            await upload.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        channel.Dispose();
        stop.Dispose();
    }

    private async Task RunAsync()
    {
        var token = stop.Token;
        var backoff = new Backoff(options.ReconnectBackoffMin, options.ReconnectBackoffMax, Random.Shared);
        var failedBefore = false;
        while (!token.IsCancellationRequested)
        {
            try
            {
                if (!await queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
                {
                    return;
                }

                if (failedBefore)
                {
                    Counters.AddReconnect();
                }

                await StreamAsync(backoff, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Counters.Connected = false;
                failedBefore = true;
                var dropped = DropQueued();
                var delay = backoff.Next();
                LogFailure(e, backoff.Failures, delay, dropped);
                events.ReportUnreachable(PeerId);
                // Counted last: whoever sees the failure counted also sees it reported and the queue dropped.
                Counters.AddFailure();
                try
                {
                    await Task.Delay(delay, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // A peer that stays down would log every few seconds: the first failure and every tenth are warnings, the rest
    // debug. A refusal for another cluster or node is a configuration error and always an error.
    private void LogFailure(Exception e, int failures, TimeSpan delay, int dropped)
    {
        if (e is Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.FailedPrecondition })
        {
            LogMisconfigured(logger, PeerId, Address, Describe(e));
        }
        else if (failures == 1 || failures % 10 == 0)
        {
            LogStreamFailed(logger, PeerId, Address, failures, delay.TotalMilliseconds, dropped, Describe(e), e);
        }
        else
        {
            LogStreamStillFailing(logger, PeerId, Address, failures, delay.TotalMilliseconds, Describe(e));
        }
    }

    // Messages queued for a stream that just failed are stale by the time it reopens; Raft resends what matters.
    private int DropQueued()
    {
        var dropped = 0;
        while (queue.Reader.TryRead(out _))
        {
            dropped++;
        }

        Counters.AddDropped(dropped);
        return dropped;
    }

    private static string Describe(Exception e) => e switch
    {
        Grpc.Core.RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        _ => e.GetType().Name + ": " + e.Message,
    };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Raft stream to node {Peer} at {Address} failed ({Failures} in a row), retrying in {DelayMs:F0} ms, dropped {Dropped} queued messages: {Reason}")]
    private static partial void LogStreamFailed(
        ILogger logger, ulong peer, string address, int failures, double delayMs, int dropped, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Raft stream to node {Peer} at {Address} still failing ({Failures} in a row), retrying in {DelayMs:F0} ms: {Reason}")]
    private static partial void LogStreamStillFailing(ILogger logger, ulong peer, string address, int failures, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Node {Peer} at {Address} refuses our Raft traffic, check the peers configuration: {Reason}")]
    private static partial void LogMisconfigured(ILogger logger, ulong peer, string address, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Raft stream to node {Peer} at {Address} is up again after {Failures} failures")]
    private static partial void LogRecovered(ILogger logger, ulong peer, string address, int failures);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Raft message to node {Peer} dropped: it encodes to {Bytes} bytes, above max_grpc_msg_bytes {Limit} ({Message})")]
    private static partial void LogOversized(ILogger logger, ulong peer, int bytes, int limit, string message);
}
