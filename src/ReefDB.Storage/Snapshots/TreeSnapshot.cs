using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Snapshots;

/// <summary>
/// Streams a tree's entries out in key order and bulk-loads them back in O(n), with an entry codec
/// from the caller. Several trees can follow one another in one stream: reading stops exactly at
/// the end of its own section.
/// </summary>
/// <remarks>
/// <para>Format (little-endian): magic "RFTR", format version (u16), entry count (i64); then chunks, each a
/// payload length (i32, 1 … 1 MiB), the payload (whole encoded entries) and its XxHash3 (u64); then a
/// zero length. Chunks bound the memory needed on both sides and let corruption be caught before a
/// corrupt byte reaches the codec.</para>
/// <para>Errors: any corrupt, truncated or out-of-order input raises <see cref="InvalidDataException"/>;
/// nothing is published, since the result is a new tree.</para>
/// <para>Thread safety: writing reads an immutable tree, so it can run on a background thread while
/// newer versions are being built.</para>
/// </remarks>
public static class TreeSnapshot
{
    private const uint Magic = 0x52544652; // "RFTR" read as little-endian bytes
    private const ushort FormatVersion = 1;
    private const int ChunkTarget = 64 * 1024;
    private const int MaxChunk = 1024 * 1024;

    /// <summary>Writes every entry of <paramref name="tree"/> to <paramref name="stream"/>.</summary>
    public static void Write<TKey, TValue>(Stream stream, PersistentTree<TKey, TValue> tree, ITreeEntryCodec<TKey, TValue> codec)
    {
        Span<byte> header = stackalloc byte[14];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[6..], tree.Count);
        stream.Write(header);

        using var chunk = new MemoryStream(ChunkTarget + 1024);
        using var writer = new BinaryWriter(chunk);
        foreach (var entry in tree)
        {
            codec.Write(writer, entry.Key, entry.Value);
            writer.Flush();
            if (chunk.Length >= ChunkTarget)
            {
                WriteChunk(stream, chunk);
            }
        }

        if (chunk.Length > 0)
        {
            WriteChunk(stream, chunk);
        }

        Span<byte> end = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(end, 0);
        stream.Write(end);
    }

    /// <summary>Reads one tree written by <see cref="Write"/>, ordered by <paramref name="comparer"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is corrupt, truncated, or its keys are not strictly ascending.</exception>
    public static PersistentTree<TKey, TValue> Read<TKey, TValue>(Stream stream, IComparer<TKey> comparer, ITreeEntryCodec<TKey, TValue> codec)
    {
        Span<byte> header = stackalloc byte[14];
        ReadExactly(stream, header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
        {
            throw new InvalidDataException("Not a tree snapshot: bad magic number.");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        if (version != FormatVersion)
        {
            throw new InvalidDataException(Message($"Unsupported tree snapshot version {version}."));
        }

        long expected = BinaryPrimitives.ReadInt64LittleEndian(header[6..]);
        if (expected is < 0 or > int.MaxValue)
        {
            throw new InvalidDataException(Message($"Impossible entry count {expected}."));
        }

        var loader = new SortedLoader<TKey, TValue>(comparer);
        long count = 0;
        byte[] buffer = [];
        while (true)
        {
            int length = ReadChunk(stream, ref buffer);
            if (length == 0)
            {
                break;
            }

            using var reader = new BinaryReader(new MemoryStream(buffer, 0, length, writable: false));
            while (reader.BaseStream.Position < length)
            {
                var entry = DecodeEntry(reader, codec);
                if (++count > expected)
                {
                    throw new InvalidDataException(Message($"The snapshot holds more than the {expected} entries its header announces."));
                }

                try
                {
                    loader.Add(entry.Key, entry.Value);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException("Tree snapshot keys are not strictly ascending.", e);
                }
            }
        }

        if (count != expected)
        {
            throw new InvalidDataException(Message($"The snapshot holds {count} entries; its header announces {expected}."));
        }

        return loader.ToTree();
    }

    private static void WriteChunk(Stream stream, MemoryStream chunk)
    {
        var payload = chunk.GetBuffer().AsSpan(0, (int)chunk.Length);
        Span<byte> frame = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length);
        stream.Write(frame[..4]);
        stream.Write(payload);
        BinaryPrimitives.WriteUInt64LittleEndian(frame, XxHash3.HashToUInt64(payload));
        stream.Write(frame);
        chunk.SetLength(0);
    }

    /// <summary>Reads and verifies one chunk into <paramref name="buffer"/>; returns its length, 0 at the end marker.</summary>
    private static int ReadChunk(Stream stream, ref byte[] buffer)
    {
        Span<byte> frame = stackalloc byte[8];
        ReadExactly(stream, frame[..4]);
        int length = BinaryPrimitives.ReadInt32LittleEndian(frame);
        if (length == 0)
        {
            return 0;
        }

        if (length is < 0 or > MaxChunk)
        {
            throw new InvalidDataException(Message($"Corrupt tree snapshot: chunk length {length}."));
        }

        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, ChunkTarget * 2)];
        }

        ReadExactly(stream, buffer.AsSpan(0, length));
        ReadExactly(stream, frame);
        if (BinaryPrimitives.ReadUInt64LittleEndian(frame) != XxHash3.HashToUInt64(buffer.AsSpan(0, length)))
        {
            throw new InvalidDataException("Corrupt tree snapshot: chunk checksum mismatch.");
        }

        return length;
    }

    private static KeyValuePair<TKey, TValue> DecodeEntry<TKey, TValue>(BinaryReader reader, ITreeEntryCodec<TKey, TValue> codec)
    {
        try
        {
            return codec.Read(reader);
        }
        catch (EndOfStreamException e)
        {
            // The checksum matched, so the bytes are what was written: the codec disagrees with itself.
            throw new InvalidDataException("A tree snapshot entry ends past its chunk: the entry codec does not match the writer's.", e);
        }
    }

    private static void ReadExactly(Stream stream, Span<byte> destination)
    {
        try
        {
            stream.ReadExactly(destination);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The tree snapshot is truncated.", e);
        }
    }

    private static string Message(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
