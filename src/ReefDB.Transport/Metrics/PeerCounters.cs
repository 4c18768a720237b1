namespace ReefDB.Transport.Metrics;

/// <summary>The live counters of one peer; written by its worker, read by metrics callbacks on any thread.</summary>
internal sealed class PeerCounters
{
    private long sent;
    private long batches;
    private long dropped;
    private long failures;
    private long reconnects;
    private long snapshotsSent;
    private long snapshotsFailed;
    private int connected;

    public long Sent => Interlocked.Read(ref sent);

    public long Batches => Interlocked.Read(ref batches);

    public long Dropped => Interlocked.Read(ref dropped);

    public long Failures => Interlocked.Read(ref failures);

    public long Reconnects => Interlocked.Read(ref reconnects);

    public long SnapshotsSent => Interlocked.Read(ref snapshotsSent);

    public long SnapshotsFailed => Interlocked.Read(ref snapshotsFailed);

    public bool Connected
    {
        get => Volatile.Read(ref connected) != 0;
        set => Volatile.Write(ref connected, value ? 1 : 0);
    }

    public void AddSent(int count)
    {
        Interlocked.Add(ref sent, count);
        Interlocked.Increment(ref batches);
    }

    public void AddDropped(int count) => Interlocked.Add(ref dropped, count);

    public void AddFailure() => Interlocked.Increment(ref failures);

    public void AddReconnect() => Interlocked.Increment(ref reconnects);

    public void AddSnapshotSent() => Interlocked.Increment(ref snapshotsSent);

    public void AddSnapshotFailed() => Interlocked.Increment(ref snapshotsFailed);
}
