namespace ReefDB.Raft.Storage.Files;

/// <summary>
/// The file-system operations whose order makes the storage crash-safe: opening a file for writing, fsync of a file
/// and of a directory, creating a directory, renaming and deleting. Everything the storage writes goes through one
/// instance (<see cref="DurableRaftStorageOptions.FileSystem"/>); reads go straight to the disk. Production uses
/// <see cref="PhysicalFileSystem"/>; tests substitute one that simulates a power cut (what was synced survives,
/// what was only written may not), which is how the ordering rules in OVERVIEW.md are checked.
/// </summary>
/// <remarks>Implementations must be thread-safe: a snapshot payload is written on another thread than the log.</remarks>
internal interface IFileSystem
{
    /// <summary>Opens <paramref name="path"/> for writing: <see cref="FileMode.CreateNew"/>, <see cref="FileMode.Create"/>
    /// (truncates) or <see cref="FileMode.Open"/>.</summary>
    IWritableFile OpenWrite(string path, FileMode mode);

    /// <summary>Makes the creations, renames and deletions in <paramref name="directory"/> durable.</summary>
    void SyncDirectory(string directory);

    /// <summary>Creates <paramref name="path"/> (and missing parents) if it does not exist; returns whether it
    /// created it. The new entry is durable only once its parent directory is synced.</summary>
    bool CreateDirectory(string path);

    /// <summary>Renames <paramref name="source"/> to <paramref name="destination"/> in the same directory, replacing
    /// it (durable once the directory is synced).</summary>
    void Move(string source, string destination);

    /// <summary>Deletes <paramref name="path"/> if it exists (durable once the directory is synced).</summary>
    void Delete(string path);
}
