namespace ReefDB.Raft.Storage;

/// <summary>The documented ways an <see cref="IRaftStorage"/> call may fail without the node being broken.</summary>
public enum StorageError
{
    /// <summary>The requested index is before <see cref="IRaftStorage.FirstIndex"/> - 1: compacted away. The leader
    /// answers by sending a snapshot.</summary>
    Compacted,

    /// <summary>The requested index is after <see cref="IRaftStorage.LastIndex"/>.</summary>
    Unavailable,

    /// <summary>A snapshot older than the one the storage already holds was offered.</summary>
    SnapshotOutOfDate,

    /// <summary>A snapshot is being prepared; the leader retries later.</summary>
    SnapshotTemporarilyUnavailable,
}
