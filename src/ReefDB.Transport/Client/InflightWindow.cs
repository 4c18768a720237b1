namespace ReefDB.Transport.Client;

/// <summary>
/// Counts the messages written to one stream and not yet acknowledged, and makes the writer wait while that count
/// would pass the limit.
/// </summary>
/// <remarks>
/// The server handles a stream's batches one after another, so acknowledgements arrive in sending order and each
/// one retires the oldest batch. A batch larger than the whole limit may go when nothing else is in flight, so a
/// limit below the batch size never wedges the stream.
/// </remarks>
internal sealed class InflightWindow(int limit) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Queue<int> batches = new();
    private readonly SemaphoreSlim acknowledged = new(0);
    private int messages;

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

    /// <summary>Reserves room for a batch of <paramref name="count"/> messages; false when no acknowledgement made
    /// room within <paramref name="timeout"/> (the peer is stuck).</summary>
    public async Task<bool> ReserveAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (gate)
            {
                if (messages == 0 || messages + count <= limit)
                {
                    messages += count;
                    batches.Enqueue(count);
                    return true;
                }
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !await acknowledged.WaitAsync(remaining, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    /// <summary>The oldest batch was acknowledged.</summary>
    /// <exception cref="InvalidOperationException">More acknowledgements than batches (a misbehaving peer).</exception>
    public void Acknowledge()
    {
        lock (gate)
        {
            if (!batches.TryDequeue(out var count))
            {
                throw new InvalidOperationException("The peer acknowledged a batch that was never sent.");
            }

            messages -= count;
        }

        acknowledged.Release();
    }

    public void Dispose() => acknowledged.Dispose();
}
