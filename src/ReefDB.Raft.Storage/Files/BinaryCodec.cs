using System.Buffers.Binary;
using ReefDB.Raft.Configuration;

namespace ReefDB.Raft.Storage.Files;

/// <summary>Little-endian writing and checked reading of the small binary files (state, manifest).</summary>
/// <remarks>Each such file ends with the CRC32C of everything before it; <see cref="Reader"/> checks it first.</remarks>
internal static class BinaryCodec
{
    public static void WriteMembership(List<byte> output, Membership membership)
    {
        WriteU32(output, (uint)membership.Voters.Count);
        foreach (var id in membership.Voters)
        {
            WriteU64(output, id);
        }

        WriteU32(output, (uint)membership.Learners.Count);
        foreach (var id in membership.Learners)
        {
            WriteU64(output, id);
        }
    }

    public static void WriteU32(List<byte> output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        output.AddRange(bytes);
    }

    public static void WriteU64(List<byte> output, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        output.AddRange(bytes);
    }

    /// <summary>Appends the CRC32C of everything written so far and returns the file contents.</summary>
    public static byte[] Seal(List<byte> output)
    {
        var crc = Crc32C.Compute(output.ToArray());
        WriteU32(output, crc);
        return [.. output];
    }

    /// <summary>Reads a sealed file; every failure is a <see cref="RaftStorageCorruptionException"/> naming it.</summary>
    internal sealed class Reader
    {
        private readonly string path;
        private readonly byte[] data;
        private int position;

        public Reader(string path, byte[] data, uint magic)
        {
            this.path = path;
            if (data.Length < 8)
            {
                throw new RaftStorageCorruptionException(path, data.Length, "the file is too short");
            }

            var body = data.AsSpan(0, data.Length - 4);
            var stored = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 4));
            if (Crc32C.Compute(body) != stored)
            {
                throw new RaftStorageCorruptionException(path, 0, "the checksum of the file does not match its contents");
            }

            this.data = data[..^4];
            if (ReadU32() != magic)
            {
                throw new RaftStorageCorruptionException(path, 0, "the file does not start with the expected magic number");
            }
        }

        public bool AtEnd => position == data.Length;

        public uint ReadU32()
        {
            Need(4);
            var value = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(position));
            position += 4;
            return value;
        }

        public ulong ReadU64()
        {
            Need(8);
            var value = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(position));
            position += 8;
            return value;
        }

        public Membership ReadMembership()
        {
            var voters = ReadIds();
            var learners = ReadIds();
            try
            {
                return new Membership(voters, learners);
            }
            catch (ArgumentException e)
            {
                throw new RaftStorageCorruptionException(path, position, "invalid membership: " + e.Message);
            }
        }

        private ulong[] ReadIds()
        {
            var count = ReadU32();
            Need((long)count * 8);
            var ids = new ulong[count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = ReadU64();
            }

            return ids;
        }

        private void Need(long bytes)
        {
            if (position + bytes > data.Length)
            {
                throw new RaftStorageCorruptionException(path, position, "the file ends in the middle of a field");
            }
        }
    }
}
