namespace ReefDB.Raft.Storage;

/// <summary>
/// The raft directory is damaged in a way that cannot be repaired without losing acknowledged data: a checksum
/// failure before the end of the log, a missing segment, a snapshot whose checksum fails, a damaged state file.
/// The node must not start. The way out is to restore it from the cluster: remove its raft directory and re-add it.
/// </summary>
public sealed class RaftStorageCorruptionException : Exception
{
    /// <summary>What an operator should do, appended to every message.</summary>
    public const string WayOut =
        "Restore this node from the cluster: remove its raft directory and re-add it (see ReefDB.Raft.Storage OVERVIEW.md).";

    /// <summary>Creates the exception for damage found in <paramref name="file"/> at byte <paramref name="offset"/>.</summary>
    public RaftStorageCorruptionException(string file, long offset, string problem)
        : base($"Raft storage corrupted: {problem} (file '{file}', offset {offset}). {WayOut}")
    {
        File = file;
        Offset = offset;
    }

    /// <summary>Creates the exception.</summary>
    public RaftStorageCorruptionException()
        : this("Raft storage corrupted.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public RaftStorageCorruptionException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public RaftStorageCorruptionException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    /// <summary>The damaged file (full path), or empty when not known.</summary>
    public string File { get; }

    /// <summary>The byte offset in <see cref="File"/> where the damage was found.</summary>
    public long Offset { get; }
}
