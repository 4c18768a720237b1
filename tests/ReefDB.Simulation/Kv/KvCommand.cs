using System.Text;
using ReefDB.Simulation.Linearizability;

namespace ReefDB.Simulation.Kv;

/// <summary>
/// A client write as it travels in a Raft entry. <see cref="RequestId"/> is unique per client operation, so the
/// state machine can apply a duplicated proposal only once (DESIGN.md §6).
/// </summary>
internal sealed record KvCommand(long RequestId, KvOperationKind Kind, string Key, string? Value, string? Expected)
{
    private const byte FormatVersion = 1;

    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(RequestId);
            writer.Write((byte)Kind);
            writer.Write(Key);
            WriteOptional(writer, Value);
            WriteOptional(writer, Expected);
        }

        return stream.ToArray();
    }

    /// <exception cref="FormatException">The bytes are not a command written by <see cref="Encode"/>.</exception>
    public static KvCommand Decode(ReadOnlyMemory<byte> data)
    {
        using var stream = new MemoryStream(data.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (reader.ReadByte() != FormatVersion)
        {
            throw new FormatException("unknown KvCommand format version");
        }

        var requestId = reader.ReadInt64();
        var kind = (KvOperationKind)reader.ReadByte();
        var key = reader.ReadString();
        var value = ReadOptional(reader);
        var expected = ReadOptional(reader);
        return new KvCommand(requestId, kind, key, value, expected);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
