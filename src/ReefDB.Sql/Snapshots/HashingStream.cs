using System.IO.Hashing;

namespace ReefDB.Sql.Snapshots;

/// <summary>
/// Passes bytes through to an inner stream while hashing them (XxHash3), so a snapshot's trailer can
/// cover every byte before it, the small fields between checksummed sections included.
/// </summary>
internal sealed class HashingStream(Stream inner, bool writing) : Stream
{
    private readonly XxHash3 hash = new();

    public override bool CanRead => !writing;

    public override bool CanSeek => false;

    public override bool CanWrite => writing;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The hash of every byte read or written so far.</summary>
    public ulong CurrentHash => hash.GetCurrentHashAsUInt64();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        hash.Append(buffer[..read]);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash.Append(buffer);
        inner.Write(buffer);
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
