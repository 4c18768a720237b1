namespace ReefDB.Raft.Storage.Files;

/// <summary>
/// A file open for writing through an <see cref="IFileSystem"/>: positioned writes (no file position to keep in
/// step), length changes and the two kinds of sync. Nothing written is durable before a sync returns.
/// </summary>
internal interface IWritableFile : IDisposable
{
    /// <summary>Writes <paramref name="data"/> at <paramref name="offset"/> (one system call).</summary>
    void Write(ReadOnlySpan<byte> data, long offset);

    /// <summary>Writes <paramref name="buffers"/> back to back from <paramref name="offset"/> (one gathering call).</summary>
    void Write(IReadOnlyList<ReadOnlyMemory<byte>> buffers, long offset);

    /// <summary>Cuts or extends (with zeros) the file to <paramref name="length"/> bytes.</summary>
    void SetLength(long length);

    /// <summary>fsync: the contents, the length and every other attribute are durable on return.</summary>
    void Sync();

    /// <summary>The contents and what is needed to read them back (the length) are durable on return; timestamps
    /// may not be (fdatasync). Never weaker than what the storage's recovery relies on.</summary>
    void SyncData();
}
