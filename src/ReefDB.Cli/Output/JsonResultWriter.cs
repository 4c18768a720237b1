using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Output;

/// <summary>
/// One line per row-returning statement: <c>{"columns":["a","b"],"rows":[[1,"x"],[2,null]]}</c>.
/// Numbers are JSON numbers (NUMERIC keeps its exact digits), booleans JSON booleans, NULL is
/// <c>null</c>, and everything else its PostgreSQL text as a JSON string. A float that JSON cannot
/// hold (NaN, ±Infinity) is written as its text, a string. Statements without rows print nothing.
/// </summary>
internal sealed class JsonResultWriter(TextWriter output) : IResultWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Output goes to a terminal or a pipe, never into HTML: keep non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Write(StatementOutcome outcome)
    {
        if (outcome.Columns is not { } columns)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("columns");
            foreach (var name in columns)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in outcome.Rows)
            {
                json.WriteStartArray();
                foreach (var value in row)
                {
                    WriteValue(json, value);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
        output.Flush();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            default:
                json.WriteStringValue(ValueText.Format(value));
                break;
        }
    }
}
