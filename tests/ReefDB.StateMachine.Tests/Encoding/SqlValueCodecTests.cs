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
    public void Malformed_values_are_rejected_as_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => SqlValueCodec.Decode(new Value { Numeric = "1,5" }));
        Assert.Throws<InvalidDataException>(() => SqlValueCodec.Decode(new Value { Uuid = ByteString.CopyFrom(1, 2) }));
    }
}
