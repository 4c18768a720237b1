using ReefDB.Raft.Storage.Files;

namespace ReefDB.Raft.Storage;

/// <summary>Tuning of a <see cref="DurableRaftStorage"/>.</summary>
public sealed record DurableRaftStorageOptions
{
    /// <summary>The size at which the active log segment is closed and a new one started (64 MiB by default).
    /// A single record larger than this still goes into one segment.</summary>
    public long SegmentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Whether writes are fsynced (<see cref="FsyncPolicy.Always"/> by default).</summary>
    public FsyncPolicy Fsync { get; init; } = FsyncPolicy.Always;

    /// <summary>How many bytes of the most recent entries' payloads are kept in memory (16 MiB by default); older
    /// entries are read back from their segment.</summary>
    public long CacheBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Called with each recovery warning (for example a torn tail truncated) as it happens, besides
    /// <see cref="DurableRaftStorage.RecoveryWarnings"/>. Keeps this project free of a logging dependency.</summary>
    public Action<string>? OnWarning { get; init; }

    /// <summary>Where every write of the storage goes (a test substitutes a file system that simulates power cuts).</summary>
    internal IFileSystem FileSystem { get; init; } = PhysicalFileSystem.Instance;
}
