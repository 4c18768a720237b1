using Microsoft.Extensions.Logging;
using ReefDB.Raft.Storage;

namespace ReefDB;

/// <summary>Settings of a durable embedded database (<see cref="ReefDatabase.Open(string, ReefDatabaseOptions?)"/>).</summary>
public sealed record ReefDatabaseOptions
{
    /// <summary>
    /// <see cref="FsyncPolicy.Always"/> (the default): a write returns once it is on disk, so it survives a power
    /// cut. <see cref="FsyncPolicy.None"/>: it survives a crash of the process but not of the machine; for tests and
    /// benchmarks only (a warning is logged at open).
    /// </summary>
    public FsyncPolicy Fsync { get; init; } = FsyncPolicy.Always;

    /// <summary>Take a snapshot after this many writes since the last one (the log is then compacted). Default
    /// 10,000.</summary>
    public ulong SnapshotEntries { get; init; } = 10_000;

    /// <summary>Take a snapshot when the log grew by this many bytes since the last one. Default 256 MiB.</summary>
    public long SnapshotLogBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Size of a log segment file. Default 64 MiB.</summary>
    public long SegmentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How long a write may wait to be durable and applied before it fails as "outcome unknown".
    /// Default: no limit.</summary>
    public TimeSpan WriteTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Where recovery warnings, the fsync warning and snapshots are logged. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
