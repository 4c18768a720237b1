using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;
using ArmCrc = System.Runtime.Intrinsics.Arm.Crc32;

namespace ReefDB.Raft.Storage.Files;

/// <summary>CRC32C (Castagnoli), the checksum of every log record, state file and snapshot.</summary>
/// <remarks>
/// Hand-written because System.IO.Hashing offers CRC32 (IEEE) and CRC64 but not CRC32C, and CRC32C is the one
/// with a hardware instruction on both x86 (SSE4.2) and ARMv8, which keeps checksumming off the fsync path's
/// critical cost. The table fallback gives identical results on machines without the instruction.
/// Values follow the usual convention: initial value and final XOR 0xFFFFFFFF, so "123456789" gives 0xE3069283.
/// </remarks>
internal static class Crc32C
{
    private const uint ReversedPolynomial = 0x82F63B78;
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a checksum: <c>Append(Compute(a), b) == Compute(a + b)</c>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var state = ~crc;
        if (Sse42.X64.IsSupported)
        {
            while (data.Length >= 8)
            {
                state = (uint)Sse42.X64.Crc32(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            foreach (var b in data)
            {
                state = Sse42.Crc32(state, b);
            }

            return ~state;
        }

        if (ArmCrc.Arm64.IsSupported)
        {
            while (data.Length >= 8)
            {
                state = ArmCrc.Arm64.ComputeCrc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            foreach (var b in data)
            {
                state = ArmCrc.ComputeCrc32C(state, b);
            }

            return ~state;
        }

        return ~AppendTable(state, data);
    }

    /// <summary>The portable path, exposed so tests can check it against the hardware one.</summary>
    internal static uint ComputeWithTable(ReadOnlySpan<byte> data) => ~AppendTable(~0u, data);

    private static uint AppendTable(uint state, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            state = Table[(state ^ b) & 0xFF] ^ (state >> 8);
        }

        return state;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var value = i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ ReversedPolynomial : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}
