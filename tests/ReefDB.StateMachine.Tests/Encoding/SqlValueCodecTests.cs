using CsCheck;
using Google.Protobuf;
using ReefDB.Sql.Types;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.StateMachine.Tests.Encoding;

public sealed class SqlValueCodecTests
{
    private static readonly Gen<SqlValue> AnyValue = Gen.OneOf(
        Gen.Const(SqlValue.Null),
        Gen.Bool.Select(SqlValue.FromBoolean),
        Gen.Long.Select(SqlValue.FromInt64),
        Gen.Double.Select(SqlValue.FromDouble),
        Gen.Float.Select(SqlValue.FromReal),
        Gen.Decimal.Select(SqlValue.FromNumeric),
        Gen.String.Select(SqlValue.FromText),
        Gen.Byte.Array.Select(SqlValue.FromBytea),
        Gen.Int[-730_000, 2_900_000].Select(SqlValue.FromDateDays),
        Gen.Long[-63_000_000_000_000_000, 250_000_000_000_000_000].Select(SqlValue.FromTimestampMicros),
        Gen.Guid.Select(SqlValue.FromUuid));

    [Fact]
    public void Every_value_survives_encoding_and_the_wire_exactly()
    {
        AnyValue.Sample(value =>
        {
            var wire = SqlValueCodec.Encode(value).ToByteArray();
            var decoded = SqlValueCodec.Decode(Value.Parser.ParseFrom(wire));

            Assert.Equal(value.Kind, decoded.Kind);
            Assert.Equal(value.FormatText(), decoded.FormatText());
        }, seed: "0000000000001", iter: 5_000);
    }

    [Fact]
    public void Numeric_keeps_its_scale()
    {
        var decoded = SqlValueCodec.Decode(SqlValueCodec.Encode(SqlValue.FromNumeric(1.500m)));

        Assert.Equal("1.500", decoded.FormatText());
    }

    [Fact]
    public void Text_search_values_keep_their_exact_form()
    {
        var vector = SqlValue.FromTsVector(ReefDB.FullText.TsVector.Parse("fat:2 cat:1A,3"));
        // a & (b & c) prints as 'a' & 'b' & 'c' but is a different tree from (a & b) & c.
        var query = SqlValue.FromTsQuery(ReefDB.FullText.TsQuery.Parse("a & (b & c)"));

        var decodedVector = SqlValueCodec.Decode(Value.Parser.ParseFrom(SqlValueCodec.Encode(vector).ToByteArray()));
        var decodedQuery = SqlValueCodec.Decode(Value.Parser.ParseFrom(SqlValueCodec.Encode(query).ToByteArray()));

        Assert.Equal(SqlValueKind.TsVector, decodedVector.Kind);
        Assert.Equal(0, SqlValue.Compare(vector, decodedVector));
        Assert.Equal(SqlValueKind.TsQuery, decodedQuery.Kind);
        Assert.Equal(0, SqlValue.Compare(query, decodedQuery));
        Assert.NotEqual(0, SqlValue.Compare(SqlValue.FromTsQuery(ReefDB.FullText.TsQuery.Parse("(a & b) & c")), decodedQuery));
    }

    [Fact]
    public void Malformed_values_are_rejected_as_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => SqlValueCodec.Decode(new Value { Numeric = "1,5" }));
        Assert.Throws<InvalidDataException>(() => SqlValueCodec.Decode(new Value { Uuid = ByteString.CopyFrom(1, 2) }));
        Assert.Throws<InvalidDataException>(() => SqlValueCodec.Decode(new Value { Tsquery = "a &" }));
    }
}
