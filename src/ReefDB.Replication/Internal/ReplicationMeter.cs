using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ReefDB.Replication.Internal;

/// <summary>
/// The replica's System.Diagnostics.Metrics instruments (meter <c>ReefDB.Replication</c>, one per replica, its scope
/// the replica): latencies measured on the loop thread, where they happen. Recording without a listener costs next to
/// nothing and allocates nothing (no tags), so the hot path may record every event.
/// </summary>
internal sealed class ReplicationMeter : IDisposable
{
    public const string MeterName = "ReefDB.Replication";

    private readonly Histogram<double> append;
    private readonly Histogram<double> apply;
    private readonly Histogram<double> snapshotTake;
    private readonly Histogram<long> snapshotTakenBytes;
    private readonly Histogram<double> snapshotInstall;
    private readonly Histogram<long> snapshotInstalledBytes;

    public ReplicationMeter(object scope)
    {
        Meter = new Meter(new MeterOptions(MeterName) { Scope = scope });
        append = Meter.CreateHistogram<double>(
            "reefdb_raft_fsync_seconds", "s", "Time to write one batch of log entries and force it to disk (one group commit; no fsync under fsync: none).");
        apply = Meter.CreateHistogram<double>("reefdb_raft_apply_seconds", "s", "Time to apply one committed entry to the state machine.");
        snapshotTake = Meter.CreateHistogram<double>(
            "reefdb_snapshot_take_seconds", "s", "Time from starting a snapshot to its file being adopted (serialization runs in the background).");
        snapshotTakenBytes = Meter.CreateHistogram<long>("reefdb_snapshot_taken_bytes", "By", "Size of each snapshot file this node took.");
        snapshotInstall = Meter.CreateHistogram<double>(
            "reefdb_snapshot_install_seconds", "s", "Time to restore the state machine from a snapshot received from the leader.");
        snapshotInstalledBytes = Meter.CreateHistogram<long>("reefdb_snapshot_installed_bytes", "By", "Size of each snapshot file received from the leader.");
    }

    public Meter Meter { get; }

    public void Appended(long startedAt) => append.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    public void Applied(long startedAt) => apply.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    public void SnapshotTaken(long startedAt, long bytes)
    {
        snapshotTake.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
        snapshotTakenBytes.Record(bytes);
    }

    public void SnapshotInstalled(long startedAt, string path)
    {
        snapshotInstall.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
        snapshotInstalledBytes.Record(SizeOf(path));
    }

    public void Dispose() => Meter.Dispose();

    /// <summary>The size of a snapshot file, 0 when there is none (or it is gone).</summary>
    public static long SizeOf(string? path) => path is not null && File.Exists(path) ? new FileInfo(path).Length : 0;
}
