using System.Buffers.Binary;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage.Files;

namespace ReefDB.Raft.Storage.Log;

/// <summary>
/// The framing of one entry in a segment: <c>u32 bodyLength, u32 crc32c(body), body</c> where the body is
/// <c>u64 term, u64 index, u8 type, payload</c>, all little-endian. The checksum covers term and index, so a record
/// copied to the wrong place or a bit flip in its position is caught like one in its payload.
/// </summary>
internal static class LogRecord
{
    public const int HeaderSize = 8;
    public const int FixedBodySize = 17;

    /// <summary>The bytes a record occupies beyond its payload.</summary>
    public const int Overhead = HeaderSize + FixedBodySize;

    public static int EncodedSize(in Entry entry) => Overhead + entry.Data.Length;

    /// <summary>Writes <paramref name="entry"/> at the start of <paramref name="destination"/>.</summary>
    public static void Encode(in Entry entry, Span<byte> destination)
    {
        var body = destination.Slice(HeaderSize, FixedBodySize + entry.Data.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(body, entry.Term);
        BinaryPrimitives.WriteUInt64LittleEndian(body[8..], entry.Index);
        body[16] = (byte)entry.Type;
        entry.Data.Span.CopyTo(body[FixedBodySize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32C.Compute(body));
    }

    /// <summary>Decodes the record at the start of <paramref name="source"/>, copying its payload.</summary>
    /// <param name="claimedEnd">Where the record ends according to its length field (valid unless
    /// <see cref="DecodeStatus.Truncated"/> because even the header is incomplete).</param>
    public static DecodeStatus TryDecode(ReadOnlySpan<byte> source, out Entry entry, out long claimedEnd)
    {
        entry = default;
        claimedEnd = HeaderSize;
        if (source.Length < HeaderSize)
        {
            return DecodeStatus.Truncated;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(source);
        claimedEnd = HeaderSize + (long)length;
        if (length < FixedBodySize)
        {
            return DecodeStatus.Invalid;
        }

        if (claimedEnd > source.Length)
        {
            return DecodeStatus.Truncated;
        }

        var body = source.Slice(HeaderSize, (int)length);
        if (Crc32C.Compute(body) != BinaryPrimitives.ReadUInt32LittleEndian(source[4..]))
        {
            return DecodeStatus.Invalid;
        }

        var type = (EntryType)body[16];
        if (type is not (EntryType.Normal or EntryType.ConfChange))
        {
            return DecodeStatus.Invalid;
        }

        entry = new Entry(
            BinaryPrimitives.ReadUInt64LittleEndian(body),
            BinaryPrimitives.ReadUInt64LittleEndian(body[8..]),
            type,
            body[FixedBodySize..].ToArray());
        return DecodeStatus.Ok;
    }
}

/// <summary>The outcome of <see cref="LogRecord.TryDecode"/>.</summary>
internal enum DecodeStatus
{
    Ok,

    /// <summary>The bytes end before the record does: a write that did not finish.</summary>
    Truncated,

    /// <summary>The length is impossible or the checksum does not match.</summary>
    Invalid,
}
