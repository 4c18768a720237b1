using System.Globalization;
using Google.Protobuf;
using ReefDB.FullText;
using ReefDB.Sql.Types;

namespace ReefDB.StateMachine.Encoding;

/// <summary>
/// Converts between the engine's <see cref="SqlValue"/> and the replicated <see cref="Value"/>.
/// The mapping is exact for every kind: a parameter applied on a follower is the value the client sent.
/// </summary>
public static class SqlValueCodec
{
    /// <summary>Encodes a value for the log or an outcome.</summary>
    /// <exception cref="NotSupportedException">For kinds the format cannot carry.</exception>
    public static Value Encode(SqlValue value) => value.Kind switch
    {
        SqlValueKind.Null => new Value { Null = true },
        SqlValueKind.Boolean => new Value { Boolean = value.AsBoolean },
        SqlValueKind.Int64 => new Value { Integer = value.AsInt64 },
        SqlValueKind.Float32 => new Value { Real = (float)value.AsDouble },
        SqlValueKind.Float64 => new Value { Float = value.AsDouble },
        SqlValueKind.Numeric => new Value { Numeric = value.AsNumeric.ToString(CultureInfo.InvariantCulture) },
        SqlValueKind.Text => new Value { Text = value.AsText },
        SqlValueKind.Bytea => new Value { Bytea = ByteString.CopyFrom(value.AsBytes) },
        SqlValueKind.Date => new Value { Date = value.AsDateDays },
        SqlValueKind.Timestamp => new Value { Timestamp = value.AsTimestampMicros },
        SqlValueKind.Uuid => new Value { Uuid = ByteString.CopyFrom(value.AsUuid.ToByteArray(bigEndian: true)) },
        SqlValueKind.TsVector => new Value { Tsvector = ((TsVector)value.AsPayload).ToString() },
        // The storage text keeps the exact tree (PostgreSQL's output drops parentheses).
        SqlValueKind.TsQuery => new Value { Tsquery = ((TsQuery)value.AsPayload).ToStorageText() },
        _ => throw new NotSupportedException($"values of kind {value.Kind} cannot be replicated yet"),
    };

    /// <summary>Decodes a value read from the log or an outcome.</summary>
    /// <exception cref="InvalidDataException">The encoded value is malformed.</exception>
    public static SqlValue Decode(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.None or Value.KindOneofCase.Null => SqlValue.Null,
        Value.KindOneofCase.Boolean => SqlValue.FromBoolean(value.Boolean),
        Value.KindOneofCase.Integer => SqlValue.FromInt64(value.Integer),
        Value.KindOneofCase.Real => SqlValue.FromReal(value.Real),
        Value.KindOneofCase.Float => SqlValue.FromDouble(value.Float),
        Value.KindOneofCase.Numeric => SqlValue.FromNumeric(ParseNumeric(value.Numeric)),
        Value.KindOneofCase.Text => SqlValue.FromText(value.Text),
        Value.KindOneofCase.Bytea => SqlValue.FromBytea(value.Bytea.ToByteArray()),
        Value.KindOneofCase.Date => SqlValue.FromDateDays(value.Date),
        Value.KindOneofCase.Timestamp => SqlValue.FromTimestampMicros(value.Timestamp),
        Value.KindOneofCase.Uuid when value.Uuid.Length == 16 => SqlValue.FromUuid(new Guid(value.Uuid.Span, bigEndian: true)),
        Value.KindOneofCase.Tsvector => SqlValue.FromTsVector(ParseTextSearch(() => TsVector.Parse(value.Tsvector))),
        Value.KindOneofCase.Tsquery => SqlValue.FromTsQuery(ParseTextSearch(() => TsQuery.Parse(value.Tsquery))),
        _ => throw new InvalidDataException($"cannot decode a replicated value of kind {value.KindCase}"),
    };

    private static T ParseTextSearch<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FullTextException e)
        {
            throw new InvalidDataException($"malformed text search value in a replicated value: {e.Message}", e);
        }
    }

    private static decimal ParseNumeric(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new InvalidDataException($"malformed numeric value '{text}' in a replicated value");
}
