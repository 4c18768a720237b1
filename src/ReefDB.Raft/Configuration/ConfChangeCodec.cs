using System.Buffers.Binary;

namespace ReefDB.Raft.Configuration;

/// <summary>
/// The payload of a <see cref="Messages.EntryType.ConfChange"/> entry: the change and the full membership it
/// produces.
/// </summary>
/// <remarks>
/// Carrying the resulting membership (not only the delta) lets a node that joins with an empty membership and
/// receives the log from index 1 learn the exact configuration from the entry itself, without the bootstrap
/// membership that only the founding nodes hold. Layout (little endian, version 1):
/// <c>version:u8 type:u8 node:u64 ctxLen:u32 ctx voters:u32 ids… learners:u32 ids…</c>.
/// </remarks>
public static class ConfChangeCodec
{
    private const byte Version = 1;

    /// <summary>Encodes a change and the membership it results in.</summary>
    public static byte[] Encode(ConfChange change, Membership result)
    {
        var size = 1 + 1 + 8 + 4 + change.Context.Length + 4 + (8 * result.Voters.Count) + 4 + (8 * result.Learners.Count);
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        span[0] = Version;
        span[1] = (byte)change.Type;
        BinaryPrimitives.WriteUInt64LittleEndian(span[2..], change.NodeId);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], change.Context.Length);
        change.Context.Span.CopyTo(span[14..]);
        var at = 14 + change.Context.Length;
        at = WriteIds(span, at, result.Voters);
        WriteIds(span, at, result.Learners);
        return buffer;
    }

    /// <summary>Decodes an entry payload written by <see cref="Encode"/>.</summary>
    /// <exception cref="FormatException">The payload is not a valid encoding.</exception>
    public static (ConfChange Change, Membership Result) Decode(ReadOnlySpan<byte> data)
    {
        try
        {
            if (data.Length < 14 || data[0] != Version)
            {
                throw new FormatException("Not a version 1 conf change payload.");
            }

            var type = (ConfChangeType)data[1];
            var node = BinaryPrimitives.ReadUInt64LittleEndian(data[2..]);
            var contextLength = BinaryPrimitives.ReadInt32LittleEndian(data[10..]);
            var context = data.Slice(14, contextLength).ToArray();
            var at = 14 + contextLength;
            var voters = ReadIds(data, ref at);
            var learners = ReadIds(data, ref at);
            return (new ConfChange(type, node, context), new Membership(voters, learners));
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Corrupt conf change payload.", e);
        }
    }

    private static int WriteIds(Span<byte> span, int at, IReadOnlyList<ulong> ids)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], ids.Count);
        at += 4;
        foreach (var id in ids)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[at..], id);
            at += 8;
        }

        return at;
    }

    private static ulong[] ReadIds(ReadOnlySpan<byte> data, ref int at)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
        if (count < 0 || count > (data.Length - at - 4) / 8)
        {
            throw new FormatException("Corrupt conf change payload: bad id count.");
        }

        at += 4;
        var ids = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
            at += 8;
        }

        return ids;
    }
}
