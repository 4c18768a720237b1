using System.Globalization;
using System.Text.Json;
using ReefDB.Node.Gateway;
using ReefDB.Sql.Types;

namespace ReefDB.Node.Http;

/// <summary>
/// Reads the JSON body of <c>POST /v1/sql</c> strictly: a field the API does not define, a value of the wrong
/// type or both request forms at once are refused with a stable code and a message naming the field, so a
/// client's typo never turns into a silently different request.
/// </summary>
internal static class SqlRequestJson
{
    private static readonly string[] TopLevelFields = ["sql", "params", "statements", "transaction", "client_id", "seq"];
    private static readonly string[] StatementFields = ["sql", "params"];
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public const int MaxClientIdLength = 128;

    /// <exception cref="GatewayException">Malformed JSON, unknown field or invalid request.</exception>
    public static SqlRequest Parse(ReadOnlyMemory<byte> body, ReadConsistency? consistency)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new GatewayException(GatewayErrorCode.MalformedJson, $"the body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid($"expected a JSON object with \"sql\" or \"statements\", got {Describe(root.ValueKind)}");
            }

            RejectUnknown(root, TopLevelFields, at: string.Empty);
            var hasSql = root.TryGetProperty("sql", out _);
            var hasStatements = root.TryGetProperty("statements", out var statements);
            if (hasSql == hasStatements)
            {
                throw Invalid(hasSql
                    ? "give either \"sql\" (with \"params\") or \"statements\", not both"
                    : "expected \"sql\": \"...\" or \"statements\": [{\"sql\": \"...\"}, ...]");
            }

            List<SqlStatementRequest> list;
            if (hasSql)
            {
                list = [Statement(root, "")];
            }
            else
            {
                if (root.TryGetProperty("params", out _))
                {
                    throw Invalid("\"params\" belongs inside each element of \"statements\"");
                }

                if (statements.ValueKind != JsonValueKind.Array || statements.GetArrayLength() == 0)
                {
                    throw Invalid($"\"statements\": expected a non-empty array of {{\"sql\", \"params\"}} objects, got {Describe(statements.ValueKind)}");
                }

                list = [];
                var index = 0;
                foreach (var element in statements.EnumerateArray())
                {
                    var at = string.Create(CultureInfo.InvariantCulture, $"statements[{index++}].");
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        throw Invalid($"\"{at.TrimEnd('.')}\": expected an object with \"sql\", got {Describe(element.ValueKind)}");
                    }

                    RejectUnknown(element, StatementFields, at);
                    list.Add(Statement(element, at));
                }
            }

            var transaction = false;
            if (root.TryGetProperty("transaction", out var tx))
            {
                transaction = tx.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Invalid($"\"transaction\": expected true or false, got {Describe(tx.ValueKind)}"),
                };
            }

            var (clientId, sequence) = ClientIdentity(root);
            return new SqlRequest(list, transaction, clientId, sequence, consistency);
        }
    }

    private static SqlStatementRequest Statement(JsonElement element, string at)
    {
        if (!element.TryGetProperty("sql", out var sql) || sql.ValueKind != JsonValueKind.String || sql.GetString() is not { Length: > 0 } text)
        {
            throw Invalid($"\"{at}sql\": expected a non-empty string of SQL");
        }

        var parameters = new List<SqlValue>();
        if (element.TryGetProperty("params", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid($"\"{at}params\": expected an array of values, got {Describe(list.ValueKind)}");
            }

            var position = 1;
            foreach (var value in list.EnumerateArray())
            {
                parameters.Add(Parameter(value, $"{at}params[{position - 1}] (${position})"));
                position++;
            }
        }

        return new SqlStatementRequest(text, parameters);
    }

    /// <summary>JSON to SQL: integers that fit are bigint, other numbers numeric (exact, as PostgreSQL reads a
    /// literal), strings text (the engine casts them where a column needs another type).</summary>
    private static SqlValue Parameter(JsonElement value, string at) => value.ValueKind switch
    {
        JsonValueKind.Null => SqlValue.Null,
        JsonValueKind.True => SqlValue.FromBoolean(true),
        JsonValueKind.False => SqlValue.FromBoolean(false),
        JsonValueKind.String => SqlValue.FromText(value.GetString()!),
        JsonValueKind.Number when value.TryGetInt64(out var integer) => SqlValue.FromInt64(integer),
        JsonValueKind.Number when decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) => SqlValue.FromNumeric(exact),
        JsonValueKind.Number => SqlValue.FromDouble(value.GetDouble()),
        _ => throw Invalid($"\"{at}\": expected null, a boolean, a number or a string, got {Describe(value.ValueKind)}"),
    };

    private static (string? ClientId, ulong Sequence) ClientIdentity(JsonElement root)
    {
        var hasId = root.TryGetProperty("client_id", out var id);
        var hasSeq = root.TryGetProperty("seq", out var seq);
        if (!hasId && !hasSeq)
        {
            return (null, 0);
        }

        if (!hasId || !hasSeq)
        {
            throw Invalid("\"client_id\" and \"seq\" go together: give both for an exactly-once write, or neither");
        }

        if (id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 and <= MaxClientIdLength } clientId)
        {
            throw Invalid($"\"client_id\": expected a string of 1 to {MaxClientIdLength} characters");
        }

        if (seq.ValueKind != JsonValueKind.Number || !seq.TryGetUInt64(out var sequence) || sequence == 0)
        {
            throw Invalid("\"seq\": expected an integer ≥ 1, increasing with each request of this client_id");
        }

        return (clientId, sequence);
    }

    private static void RejectUnknown(JsonElement element, string[] known, string at)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new GatewayException(
                    GatewayErrorCode.UnknownField,
                    $"unknown field \"{at}{property.Name}\"; expected {string.Join(", ", known.Select(k => $"\"{k}\""))}");
            }

            if (!seen.Add(property.Name))
            {
                throw Invalid($"field \"{at}{property.Name}\" is given twice");
            }
        }
    }

    private static GatewayException Invalid(string message) => new(GatewayErrorCode.InvalidRequest, message);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
