using System.Globalization;
using System.Text.Json;
using ReefDB.Node.Gateway;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Http;

/// <summary>
/// Writes <c>POST /v1/sql</c> answers: <c>{"results": [{"columns", "types", "rows", "rows_affected"}],
/// "raft_index", "node_id"}</c>, or <c>{"error": {"code", "message", "statement"}}</c>. Values print as JSON
/// where JSON has the type (numbers, booleans, null) and as PostgreSQL's text otherwise.
/// </summary>
internal static class SqlResponseJson
{
    private static readonly DateTime PostgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static void WriteResult(Utf8JsonWriter json, SqlResult result)
    {
        json.WriteStartObject();
        if (result.Error is { } error)
        {
            json.WriteStartObject("error");
            json.WriteString("code", error.Code);
            json.WriteString("message", error.Message);
            json.WriteNumber("statement", error.Statement);
            if (error.Line > 0)
            {
                json.WriteNumber("line", error.Line);
                json.WriteNumber("column", error.Column);
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteStartArray("results");
            foreach (var outcome in result.Results)
            {
                WriteOutcome(json, outcome);
            }

            json.WriteEndArray();
        }

        json.WriteNumber("raft_index", result.RaftIndex);
        json.WriteNumber("node_id", result.NodeId);
        json.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter json, string code, string message, ulong nodeId, ulong leaderId)
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("code", code);
        json.WriteString("message", message);
        if (leaderId != 0)
        {
            json.WriteNumber("leader_id", leaderId);
        }

        json.WriteEndObject();
        json.WriteNumber("node_id", nodeId);
        json.WriteEndObject();
    }

    private static void WriteOutcome(Utf8JsonWriter json, StatementOutcome outcome)
    {
        json.WriteStartObject();
        json.WriteString("command", outcome.CommandTag);
        json.WriteStartArray("columns");
        foreach (var column in outcome.Columns)
        {
            json.WriteStringValue(column.Name);
        }

        json.WriteEndArray();
        json.WriteStartArray("types");
        foreach (var column in outcome.Columns)
        {
            json.WriteStringValue(column.Type);
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in outcome.Rows)
        {
            json.WriteStartArray();
            foreach (var value in row.Values)
            {
                WriteValue(json, value);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteNumber("rows_affected", outcome.RowsAffected);
        json.WriteEndObject();
    }

    internal static void WriteValue(Utf8JsonWriter json, Value value)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.None or Value.KindOneofCase.Null:
                json.WriteNullValue();
                break;
            case Value.KindOneofCase.Boolean:
                json.WriteBooleanValue(value.Boolean);
                break;
            case Value.KindOneofCase.Integer:
                json.WriteNumberValue(value.Integer);
                break;
            case Value.KindOneofCase.Float:
                WriteFloat(json, value.Float);
                break;
            case Value.KindOneofCase.Real:
                WriteFloat(json, value.Real);
                break;
            case Value.KindOneofCase.Numeric:
                // Exact decimal text as a JSON number: no binary rounding on the way out.
                if (decimal.TryParse(value.Numeric, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    json.WriteRawValue(value.Numeric, skipInputValidation: false);
                }
                else
                {
                    json.WriteStringValue(value.Numeric);
                }

                break;
            case Value.KindOneofCase.Text:
                json.WriteStringValue(value.Text);
                break;
            case Value.KindOneofCase.Bytea:
                json.WriteStringValue("\\x" + Convert.ToHexStringLower(value.Bytea.Span));
                break;
            case Value.KindOneofCase.Date:
                json.WriteStringValue(PostgresEpoch.AddDays(value.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case Value.KindOneofCase.Timestamp:
                json.WriteStringValue(FormatTimestamp(value.Timestamp));
                break;
            case Value.KindOneofCase.Uuid:
                json.WriteStringValue(new Guid(value.Uuid.Span, bigEndian: true).ToString("D"));
                break;
            case Value.KindOneofCase.Tsvector:
                json.WriteStringValue(value.Tsvector);
                break;
            case Value.KindOneofCase.Tsquery:
                json.WriteStringValue(value.Tsquery);
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static void WriteFloat(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            // JSON has no NaN or infinities; PostgreSQL's spellings as strings.
            json.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static string FormatTimestamp(long micros)
    {
        var time = PostgresEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);
        var text = time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = micros % 1_000_000;
        if (fraction < 0)
        {
            fraction += 1_000_000;
        }

        return fraction == 0 ? text : text + "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
    }
}
