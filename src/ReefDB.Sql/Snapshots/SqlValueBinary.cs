using ReefDB.FullText;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Snapshots;

/// <summary>
/// The compact binary form of a <see cref="SqlValue"/> in snapshots: a kind byte, then the payload.
/// Part of snapshot format 1: a new kind gets a new byte, and existing bytes never change meaning.
/// </summary>
internal static class SqlValueBinary
{
    public static void Write(BinaryWriter writer, SqlValue value)
    {
        writer.Write((byte)value.Kind);
        switch (value.Kind)
        {
            case SqlValueKind.Null:
                break;
            case SqlValueKind.Boolean:
                writer.Write(value.AsBoolean);
                break;
            case SqlValueKind.Int64:
                writer.Write7BitEncodedInt64(ZigZag(value.AsInt64));
                break;
            case SqlValueKind.Float32:
                writer.Write((float)value.AsDouble);
                break;
            case SqlValueKind.Float64:
                writer.Write(value.AsDouble);
                break;
            case SqlValueKind.Numeric:
                writer.Write(value.AsNumeric);
                break;
            case SqlValueKind.Text:
                writer.Write(value.AsText);
                break;
            case SqlValueKind.Date:
                writer.Write(value.AsDateDays);
                break;
            case SqlValueKind.Timestamp:
                writer.Write(value.AsTimestampMicros);
                break;
            case SqlValueKind.Bytea:
                writer.Write7BitEncodedInt(value.AsBytes.Length);
                writer.Write(value.AsBytes);
                break;
            case SqlValueKind.Uuid:
                Span<byte> uuid = stackalloc byte[16];
                value.AsUuid.TryWriteBytes(uuid, bigEndian: true, out _);
                writer.Write(uuid);
                break;
            case SqlValueKind.TsVector:
                writer.Write(((TsVector)value.AsPayload).ToString());
                break;
            case SqlValueKind.TsQuery:
                // The printed form drops parentheses and would reparse to a different tree.
                writer.Write(((TsQuery)value.AsPayload).ToStorageText());
                break;
            default:
                throw new InvalidOperationException($"no snapshot encoding for values of kind {value.Kind}");
        }
    }

    public static SqlValue Read(BinaryReader reader)
    {
        var kind = (SqlValueKind)reader.ReadByte();
        return kind switch
        {
            SqlValueKind.Null => SqlValue.Null,
            SqlValueKind.Boolean => SqlValue.FromBoolean(reader.ReadBoolean()),
            SqlValueKind.Int64 => SqlValue.FromInt64(UnZigZag(reader.Read7BitEncodedInt64())),
            SqlValueKind.Float32 => SqlValue.FromReal(reader.ReadSingle()),
            SqlValueKind.Float64 => SqlValue.FromDouble(reader.ReadDouble()),
            SqlValueKind.Numeric => SqlValue.FromNumeric(reader.ReadDecimal()),
            SqlValueKind.Text => SqlValue.FromText(reader.ReadString()),
            SqlValueKind.Date => SqlValue.FromDateDays(reader.ReadInt32()),
            SqlValueKind.Timestamp => SqlValue.FromTimestampMicros(reader.ReadInt64()),
            SqlValueKind.Bytea => SqlValue.FromBytea(ReadBytes(reader)),
            SqlValueKind.Uuid => SqlValue.FromUuid(new Guid(ReadExactly(reader, 16), bigEndian: true)),
            SqlValueKind.TsVector => SqlValue.FromTsVector(TsVector.Parse(reader.ReadString())),
            SqlValueKind.TsQuery => SqlValue.FromTsQuery(TsQuery.Parse(reader.ReadString())),
            _ => throw new InvalidDataException($"unknown value kind {(byte)kind} in snapshot"),
        };
    }

    private static byte[] ReadBytes(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        return length < 0 ? throw new InvalidDataException("negative byte string length in snapshot") : ReadExactly(reader, length);
    }

    private static byte[] ReadExactly(BinaryReader reader, int length)
    {
        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? bytes : throw new EndOfStreamException();
    }

    private static long ZigZag(long value) => (value << 1) ^ (value >> 63);

    private static long UnZigZag(long value) => (long)((ulong)value >> 1) ^ -(value & 1);
}
