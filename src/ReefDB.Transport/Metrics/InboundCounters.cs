namespace ReefDB.Transport.Metrics;

/// <summary>What the server side received and refused (all peers together).</summary>
internal sealed class InboundCounters
{
    private long received;
    private long rejected;
    private long snapshotsReceived;

    public long Received => Interlocked.Read(ref received);

    public long Rejected => Interlocked.Read(ref rejected);

    public long SnapshotsReceived => Interlocked.Read(ref snapshotsReceived);

    public void AddReceived(int count) => Interlocked.Add(ref received, count);

    public void AddRejected() => Interlocked.Increment(ref rejected);

    public void AddSnapshotReceived() => Interlocked.Increment(ref snapshotsReceived);
}
