using ReefDB.Raft.Storage.Files;

namespace ReefDB.Raft.Storage.Snapshots;

/// <summary>
/// A snapshot payload being written to its own temporary file in the snapshots folder, checksummed on the way, so
/// that the storage can later adopt it by a rename (<see cref="DurableRaftStorage.CreateSnapshot(ulong, Configuration.Membership, SnapshotFileWriter)"/>,
/// <see cref="DurableRaftStorage.ApplySnapshot(Messages.SnapshotMetadata, SnapshotFileWriter)"/>) instead of copying
/// it on the thread that drives the node.
/// </summary>
/// <remarks>
/// One writer is used by one thread at a time, but that thread need not be the storage's: a background snapshot or
/// a transport receiving a snapshot fills it while the node goes on. Write-only and forward-only. Disposing a writer
/// that was not adopted deletes its file; a crash leaves a file that the next open deletes (it is in no manifest).
/// </remarks>
public sealed class SnapshotFileWriter : Stream
{
    private const int BufferSize = 1 << 16;
    private readonly DurableFile durable;

    // Payloads arrive in small pieces (rows, messages): they are gathered here and written 64 KiB at a time.
    private readonly byte[] gathered = new byte[BufferSize];
    private int buffered;
    private IWritableFile? file;
    private uint checksum;
    private long size;

    internal SnapshotFileWriter(DurableFile durable, string path)
    {
        Path = path;
        this.durable = durable;
        file = durable.OpenWrite(path, FileMode.CreateNew);
    }

    /// <summary>The temporary file's full path.</summary>
    internal string Path { get; }

    /// <summary>True once <see cref="Complete"/> made the payload durable; only then can the storage adopt it.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>True once the storage took the file over.</summary>
    internal bool Adopted { get; set; }

    internal uint Checksum => checksum;

    /// <summary>The payload bytes written so far.</summary>
    public long Size => size;

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => file is not null;

    /// <inheritdoc />
    public override long Length => size;

    /// <inheritdoc />
    public override long Position
    {
        get => size;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var target = file ?? throw new InvalidOperationException("The snapshot file is complete or disposed.");
        checksum = Crc32C.Append(checksum, buffer);
        if (buffered + buffer.Length > BufferSize)
        {
            WriteGathered(target);
        }

        if (buffer.Length >= BufferSize)
        {
            target.Write(buffer, size);
        }
        else
        {
            buffer.CopyTo(gathered.AsSpan(buffered));
            buffered += buffer.Length;
        }

        size += buffer.Length;
    }

    /// <summary>Flushes (and, under fsync always, fsyncs) and closes the file: the payload is whole.</summary>
    public void Complete()
    {
        var target = file ?? throw new InvalidOperationException("The snapshot file is complete or disposed.");
        WriteGathered(target);
        durable.Sync(target);
        target.Dispose();
        file = null;
        IsComplete = true;
    }

    /// <inheritdoc />
    public override void Flush()
    {
        if (file is { } target)
        {
            WriteGathered(target);
        }
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file?.Dispose();
            file = null;
            if (!Adopted)
            {
                durable.Delete(Path);
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Writes the gathered bytes, which end where <see cref="Size"/> does.</summary>
    private void WriteGathered(IWritableFile target)
    {
        if (buffered > 0)
        {
            target.Write(gathered.AsSpan(0, buffered), size - buffered);
            buffered = 0;
        }
    }
}
