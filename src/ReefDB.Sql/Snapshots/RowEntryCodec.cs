using ReefDB.Sql.Execution;
using ReefDB.Sql.Types;
using ReefDB.Storage.Snapshots;

namespace ReefDB.Sql.Snapshots;

/// <summary>Encodes the entries of row and index trees: a key (values and tail) and a value array.</summary>
internal sealed class RowEntryCodec : ITreeEntryCodec<RowKey, SqlValue[]>
{
    public static RowEntryCodec Instance { get; } = new();

    public void Write(BinaryWriter writer, RowKey key, SqlValue[] value)
    {
        WriteValues(writer, key.Span);
        writer.Write(key.Tail);
        WriteValues(writer, value);
    }

    public KeyValuePair<RowKey, SqlValue[]> Read(BinaryReader reader)
    {
        var keyValues = ReadValues(reader);
        var tail = reader.ReadSByte();
        return new(new RowKey(keyValues, tail), ReadValues(reader));
    }

    private static void WriteValues(BinaryWriter writer, ReadOnlySpan<SqlValue> values)
    {
        writer.Write7BitEncodedInt(values.Length);
        foreach (var value in values)
        {
            SqlValueBinary.Write(writer, value);
        }
    }

    private static SqlValue[] ReadValues(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        if (length is < 0 or > 1600)
        {
            throw new InvalidDataException($"impossible row width {length} in snapshot");
        }

        var values = new SqlValue[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = SqlValueBinary.Read(reader);
        }

        return values;
    }
}
