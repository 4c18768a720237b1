namespace ReefDB.Transport.Client;

/// <summary>
/// Numbers the batches written to one stream, counts their messages until acknowledged, makes the writer wait while
/// that count would pass the limit, and decides which batches ask for an acknowledgement.
/// </summary>
/// <remarks>
/// The server handles a stream's batches one after another and acknowledges cumulatively: an acknowledgement of
/// sequence <c>s</c> retires every batch up to <c>s</c>. Only some batches ask for one: each acknowledgement costs both
/// nodes a write, a read and a thread wake-up, at the moment a follower also sends its append response. A batch asks when
/// it is the stream's first (it tells the stream is up) and then, while no request is outstanding, once the window is
/// half full or after <see cref="AckEveryBatches"/> batches without one. A writer that must wait while no request is
/// outstanding sends an empty batch that asks (a probe), so the window never waits for an acknowledgement nobody asked
/// for. A batch larger than the whole limit may go when nothing else is in flight, so a limit below the batch size never
/// wedges the stream.
/// </remarks>
internal sealed class InflightWindow(int limit) : IDisposable
{
    /// <summary>A batch asks for an acknowledgement at least once in this many, so an idle stream's window drains.</summary>
    internal const int AckEveryBatches = 16;

    private readonly Lock gate = new();
    private readonly Queue<(ulong Sequence, int Count)> batches = new();
    private readonly SemaphoreSlim acknowledged = new(0);
    private int messages;
    private ulong lastSequence;
    private ulong ackRequestedFor;
    private ulong acknowledgedThrough;
    private int batchesSinceRequest;

    /// <summary>Messages in flight now.</summary>
    public int Messages
    {
        get
        {
            lock (gate)
            {
                return messages;
            }
        }
    }

    /// <summary>
    /// Reserves room for a batch of <paramref name="count"/> messages and numbers it. While it waits with no request
    /// outstanding, it numbers an empty batch and has <paramref name="sendProbe"/> send it asking for an acknowledgement.
    /// </summary>
    /// <returns>The batch's sequence and whether it asks for an acknowledgement; sequence 0 when no acknowledgement
    /// made room within <paramref name="timeout"/> (the peer is stuck).</returns>
    public async Task<(ulong Sequence, bool RequestAck)> ReserveAsync(
        int count, TimeSpan timeout, Func<ulong, Task> sendProbe, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            ulong probe = 0;
            lock (gate)
            {
                if (messages == 0 || messages + count <= limit)
                {
                    messages += count;
                    var sequence = ++lastSequence;
                    batches.Enqueue((sequence, count));
                    return (sequence, RequestAckLocked(sequence));
                }

                if (ackRequestedFor <= acknowledgedThrough)
                {
                    probe = ++lastSequence;
                    ackRequestedFor = probe;
                    batchesSinceRequest = 0;
                }
            }

            if (probe != 0)
            {
                await sendProbe(probe).ConfigureAwait(false);
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !await acknowledged.WaitAsync(remaining, cancellationToken).ConfigureAwait(false))
            {
                return (0, false);
            }
        }
    }

    /// <summary>Every batch up to <paramref name="sequence"/> (probes included) was handled by the peer.</summary>
    /// <exception cref="InvalidOperationException">The acknowledgement names a batch never sent or already
    /// acknowledged (a misbehaving peer).</exception>
    public void Acknowledge(ulong sequence)
    {
        lock (gate)
        {
            if (sequence > lastSequence || sequence <= acknowledgedThrough)
            {
                throw new InvalidOperationException($"The peer acknowledged batch {sequence}, which is not in flight.");
            }

            while (batches.TryPeek(out var oldest) && oldest.Sequence <= sequence)
            {
                batches.Dequeue();
                messages -= oldest.Count;
            }

            acknowledgedThrough = sequence;
        }

        acknowledged.Release();
    }

    public void Dispose() => acknowledged.Dispose();

    private bool RequestAckLocked(ulong sequence)
    {
        batchesSinceRequest++;
        var outstanding = ackRequestedFor > acknowledgedThrough;
        var wanted = ackRequestedFor == 0
            || (!outstanding && (messages * 2 >= limit || batchesSinceRequest >= AckEveryBatches));
        if (wanted)
        {
            ackRequestedFor = sequence;
            batchesSinceRequest = 0;
        }

        return wanted;
    }
}
