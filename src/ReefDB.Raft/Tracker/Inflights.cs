namespace ReefDB.Raft.Tracker;

/// <summary>
/// The append messages sent to one follower and not yet acknowledged, as a ring buffer of (last index, payload
/// bytes): the flow-control window of <see cref="ProgressState.Replicate"/>.
/// </summary>
/// <remarks>Invariant: indexes in the buffer strictly increase from the oldest to the newest.</remarks>
internal sealed class Inflights
{
    private readonly int capacity;
    private readonly ulong maxBytes;
    private (ulong Index, ulong Bytes)[] buffer = [];
    private int start;

    public Inflights(int capacity, ulong maxBytes)
    {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    public int Count { get; private set; }

    public ulong Bytes { get; private set; }

    /// <summary>True when no more appends may be sent: the window is full by count or by bytes.</summary>
    public bool Full => Count == capacity || (maxBytes != 0 && Bytes >= maxBytes);

    public void Add(ulong index, ulong bytes)
    {
        if (Count == capacity)
        {
            throw new InvalidOperationException("Inflight window overflow: the caller must check Full first.");
        }

        if (buffer.Length == Count)
        {
            Grow();
        }

        buffer[(start + Count) % buffer.Length] = (index, bytes);
        Count++;
        Bytes += bytes;
    }

    /// <summary>Frees every message whose last index is at or below <paramref name="index"/> (acknowledged).</summary>
    public void FreeLE(ulong index)
    {
        while (Count > 0 && buffer[start].Index <= index)
        {
            Bytes -= buffer[start].Bytes;
            start = (start + 1) % buffer.Length;
            Count--;
        }

        if (Count == 0)
        {
            start = 0;
        }
    }

    /// <summary>Frees the oldest message, whether or not it was acknowledged (see the heartbeat response rule).</summary>
    public void FreeFirstOne()
    {
        if (Count > 0)
        {
            FreeLE(buffer[start].Index);
        }
    }

    public void Reset()
    {
        Count = 0;
        Bytes = 0;
        start = 0;
    }

    // The buffer grows on demand so idle followers cost nothing; it never exceeds capacity.
    private void Grow()
    {
        var size = Math.Min(capacity, Math.Max(4, buffer.Length * 2));
        var next = new (ulong, ulong)[size];
        for (var i = 0; i < Count; i++)
        {
            next[i] = buffer[(start + i) % buffer.Length];
        }

        buffer = next;
        start = 0;
    }
}
