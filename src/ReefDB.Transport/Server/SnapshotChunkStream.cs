using Grpc.Core;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Server;

/// <summary>
/// The data chunks of an InstallSnapshot call as a read-only stream, so the replica copies them straight to its
/// snapshot file: the payload is never held whole in memory.
/// </summary>
/// <remarks>
/// The stream ends (Read returns 0) only when the call ended after exactly the announced number of bytes; a call
/// that ends short, runs long or sends a second header makes Read throw <see cref="InvalidDataException"/>, so a
/// partial snapshot is never taken for a whole one.
/// </remarks>
internal sealed class SnapshotChunkStream(IAsyncStreamReader<W.SnapshotChunk> chunks, long expected, CancellationToken callToken)
    : Stream
{
    private ReadOnlyMemory<byte> current;
    private bool ended;

    public long Received { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expected;

    public override long Position
    {
        get => Received;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (current.IsEmpty)
        {
            if (ended)
            {
                return 0;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken);
            if (!await chunks.MoveNext(linked.Token).ConfigureAwait(false))
            {
                ended = true;
                if (Received != expected)
                {
                    throw new InvalidDataException($"snapshot stream ended after {Received} of {expected} bytes");
                }

                return 0;
            }

            var chunk = chunks.Current;
            if (chunk.PayloadCase != W.SnapshotChunk.PayloadOneofCase.Data)
            {
                throw new InvalidDataException("a snapshot stream may carry only one header, first");
            }

            current = chunk.Data.Memory;
            if (Received + current.Length > expected)
            {
                throw new InvalidDataException($"snapshot stream runs past the announced {expected} bytes");
            }
        }

        var count = Math.Min(buffer.Length, current.Length);
        current[..count].CopyTo(buffer);
        current = current[count..];
        Received += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Synchronous reads would block a thread-pool thread on the network; the replica copies asynchronously.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
