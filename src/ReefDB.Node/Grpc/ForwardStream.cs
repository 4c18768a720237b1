using System.Collections.Concurrent;
using System.Threading.Channels;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

/// <summary>
/// A follower's end of one <c>Sql.Forward</c> stream to one leader address: concurrent requests are multiplexed by
/// id over it, one writer drains everything queued into one message per write (while a write is in flight the next
/// requests queue up: batching without timers, and no added wait for a lone request), and one reader completes each
/// caller by id. Opened once and kept until it breaks; a broken stream is never reused (its owner opens a new one
/// on the next request).
/// </summary>
/// <remarks>
/// Failure semantics are those of a unary forward: a request never written fails retryable
/// (<see cref="GatewayErrorCode.Unavailable"/>); one written when the stream breaks is
/// <see cref="GatewayErrorCode.OutcomeUnknown"/>, unless the leader ended the stream cleanly, which promises it
/// answered every request it read (the rest were never executed: retryable). A caller that cancels gets an
/// <see cref="OperationCanceledException"/>: its request is skipped if not yet written, its answer discarded otherwise.
/// A leader without the method (an older node) fails every request with <see cref="ForwardStreamUnsupportedException"/>
/// before any was written, so its owner sends them unary instead.
/// </remarks>
internal sealed partial class ForwardStream : IDisposable
{
    /// <summary>Requests queued or awaiting an answer on one stream, beyond which a new one is refused as overloaded.
    /// The leader's own bound (pending proposals, 10,000 by default) refuses sooner when the leader is the slow part;
    /// this one keeps a stalled stream from buffering without limit on the follower.</summary>
    public const int MaxOutstanding = 10_000;

    private readonly Wire.Sql.SqlClient client;
    private readonly string address;
    private readonly int maxMessageBytes;
    // Synchronous continuations: a request queued while the writer waits for work runs the writer on the caller's
    // thread, so a lone request is written at once instead of after a thread-pool hop to the writer task; while a write
    // is in flight, requests only queue and the writer batches them as before.
    private readonly Channel<PendingForward> queue = Channel.CreateUnbounded<PendingForward>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly ConcurrentDictionary<ulong, PendingForward> awaiting = new();
    private readonly CancellationTokenSource stop = new();
    private long lastId;
    private int outstanding;
    private volatile bool closed;

    private ForwardStream(Wire.Sql.SqlClient client, string address, int maxMessageBytes)
    {
        this.client = client;
        this.address = address;
        this.maxMessageBytes = maxMessageBytes;
    }

    /// <summary>True once the stream broke or was disposed: it takes no more requests.</summary>
    public bool IsClosed => closed;

    /// <summary>Opens a stream to the leader at <paramref name="address"/>; requests can be sent at once (they wait
    /// for the stream to be accepted before they are written).</summary>
    public static ForwardStream Open(Wire.Sql.SqlClient client, string address, int maxMessageBytes)
    {
        var stream = new ForwardStream(client, address, maxMessageBytes);
        // RunAsync fails every request handed to the stream when it ends, and throws nothing itself.
        _ = stream.RunAsync();
        return stream;
    }

    /// <summary>Sends <paramref name="request"/> (already marked forwarded) and returns the leader's answer, or null
    /// when this stream closed before taking it (nothing was sent: the caller may use a new stream).</summary>
    /// <param name="request">Its encoded size plus framing must fit in <c>max_grpc_msg_bytes</c> (the caller checks).</param>
    /// <param name="requestBytes">The encoded size of <paramref name="request"/>.</param>
    /// <param name="leaderId">The leader's id, for error messages.</param>
    /// <param name="cancellationToken">The caller gave up: see the remarks of the type.</param>
    /// <exception cref="GatewayException">Overloaded, or the stream broke (retryable or outcome unknown).</exception>
    /// <exception cref="ForwardStreamUnsupportedException">The leader does not serve the stream; nothing was sent.</exception>
    public async Task<ExecuteResponse?> SendAsync(ExecuteRequest request, int requestBytes, ulong leaderId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Increment(ref outstanding) > MaxOutstanding)
        {
            Interlocked.Decrement(ref outstanding);
            throw new GatewayException(
                GatewayErrorCode.Overloaded,
                $"{MaxOutstanding} requests are already on their way to the leader (node {leaderId} at {address}); retry shortly",
                retryable: true,
                leaderId: leaderId);
        }

        try
        {
            var id = (ulong)Interlocked.Increment(ref lastId);
            var pending = new PendingForward(id, request, ForwardFraming.EntrySize(id, requestBytes), leaderId);
            if (!queue.Writer.TryWrite(pending))
            {
                return null;
            }

            await using var registration = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var (stream, abandoned) = ((ForwardStream, PendingForward))state!;
                    abandoned.Cancel(token);
                    stream.awaiting.TryRemove(abandoned.Id, out _);
                },
                (this, pending)).ConfigureAwait(false);
            return await pending.Answer.ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref outstanding);
        }
    }

    public void Dispose()
    {
        closed = true;
        queue.Writer.TryComplete();
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already closed and cleaned up.
        }
    }

    private GatewayException NotSent(PendingForward pending, string why) => new(
        GatewayErrorCode.Unavailable,
        $"the forwarding stream to the leader (node {pending.LeaderId} at {address}) closed before this request was sent ({why}); retry",
        retryable: true,
        leaderId: pending.LeaderId);

    private GatewayException NeverRead(PendingForward pending) => new(
        GatewayErrorCode.Unavailable,
        $"the leader (node {pending.LeaderId} at {address}) closed the forwarding stream before reading this request; retry",
        retryable: true,
        leaderId: pending.LeaderId);

    private GatewayException Unknown(PendingForward pending, string why, Exception? cause) =>
        ForwardFailures.OutcomeUnknown(pending.LeaderId, address, why, cause);
}
