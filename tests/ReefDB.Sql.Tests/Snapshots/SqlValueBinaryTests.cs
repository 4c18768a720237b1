using ReefDB.FullText;
using ReefDB.Sql.Snapshots;
using ReefDB.Sql.Types;

namespace ReefDB.Sql.Tests.Snapshots;

public sealed class SqlValueBinaryTests
{
    private static SqlValue RoundTrip(SqlValue value)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            SqlValueBinary.Write(writer, value);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = SqlValueBinary.Read(reader);
        Assert.Equal(stream.Length, stream.Position);
        return read;
    }

    public static TheoryData<string, SqlValue> Values => new()
    {
        { "null", SqlValue.Null },
        { "true", SqlValue.True },
        { "min bigint", SqlValue.FromInt64(long.MinValue) },
        { "max bigint", SqlValue.FromInt64(long.MaxValue) },
        { "real", SqlValue.FromReal(-1.25f) },
        { "double nan", SqlValue.FromDouble(double.NaN) },
        { "numeric scale", SqlValue.FromNumeric(12.3400m) },
        { "text", SqlValue.FromText("päivää, \u0000 world") },
        { "date", SqlValue.FromDate(new DateOnly(1815, 12, 10)) },
        { "timestamp", SqlValue.FromTimestamp(new DateTime(2026, 11, 26, 12, 0, 0, 500)) },
        { "bytea", SqlValue.FromBytea([0, 255, 7]) },
        { "uuid", SqlValue.FromUuid(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")) },
        { "tsvector", SqlValue.FromTsVector(TsVector.Parse("'cat':1A 'fat':2")) },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_kind_reads_back_as_written(string name, SqlValue value)
    {
        var read = RoundTrip(value);

        Assert.Equal(value.Kind, read.Kind);
        Assert.Equal(value.FormatText(), read.FormatText());
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void A_tsquery_keeps_its_tree_not_just_its_printed_text()
    {
        var query = TsQuery.Parse("a & (b & c)");

        var read = (TsQuery)RoundTrip(SqlValue.FromTsQuery(query)).AsPayload;

        Assert.Equal(query.ToStorageText(), read.ToStorageText());
        Assert.Equal(query.ToString(), read.ToString());
    }

    [Fact]
    public void An_unknown_kind_byte_is_invalid_data()
    {
        using var reader = new BinaryReader(new MemoryStream([250]));

        Assert.Throws<InvalidDataException>(() => SqlValueBinary.Read(reader));
    }
}
