using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc.Wire;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Grpc;

/// <summary>Converts gateway requests and results to and from <c>reefdb.sql</c> messages.</summary>
internal static class WireMapping
{
    public static ExecuteRequest ToWire(SqlRequest request, bool forwarded)
    {
        var wire = new ExecuteRequest
        {
            Transaction = request.Transaction,
            ClientId = request.ClientId ?? string.Empty,
            Seq = request.Sequence,
            Consistency = request.Consistency switch
            {
                ReadConsistency.Linearizable => Consistency.Linearizable,
                ReadConsistency.Lease => Consistency.Lease,
                ReadConsistency.Stale => Consistency.Stale,
                _ => Consistency.Default,
            },
            Forwarded = forwarded,
        };
        foreach (var statement in request.Statements)
        {
            var encoded = new SqlStatement { Sql = statement.Sql };
            encoded.Params.AddRange(statement.Parameters.Select(SqlValueCodec.Encode));
            wire.Statements.Add(encoded);
        }

        return wire;
    }

    /// <exception cref="GatewayException">The request is not valid (no statements, bad parameter encoding).</exception>
    public static SqlRequest FromWire(ExecuteRequest wire)
    {
        if (wire.Statements.Count == 0 || wire.Statements.Any(s => s.Sql.Length == 0))
        {
            throw new GatewayException(GatewayErrorCode.InvalidRequest, "expected at least one statement, each with non-empty sql");
        }

        if ((wire.ClientId.Length == 0) != (wire.Seq == 0) || wire.ClientId.Length > Http.SqlRequestJson.MaxClientIdLength)
        {
            throw new GatewayException(GatewayErrorCode.InvalidRequest, "client_id (1 to 128 characters) and seq (≥ 1) go together: give both or neither");
        }

        try
        {
            var statements = wire.Statements
                .Select(s => new SqlStatementRequest(s.Sql, [.. s.Params.Select(SqlValueCodec.Decode)]))
                .ToList();
            return new SqlRequest(
                statements,
                wire.Transaction,
                wire.ClientId.Length == 0 ? null : wire.ClientId,
                wire.Seq,
                wire.Consistency switch
                {
                    Consistency.Linearizable => ReadConsistency.Linearizable,
                    Consistency.Lease => ReadConsistency.Lease,
                    Consistency.Stale => ReadConsistency.Stale,
                    _ => null,
                });
        }
        catch (InvalidDataException e)
        {
            throw new GatewayException(GatewayErrorCode.InvalidRequest, $"a parameter is malformed: {e.Message}");
        }
    }

    public static ExecuteResponse ToWire(SqlResult result)
    {
        var wire = new ExecuteResponse { RaftIndex = result.RaftIndex, NodeId = result.NodeId };
        wire.Results.AddRange(result.Results);
        if (result.Error is { } error)
        {
            wire.Error = new ExecuteError
            {
                Code = error.Code,
                Message = error.Message,
                Statement = error.Statement,
                Line = error.Line,
                Column = error.Column,
                SqlError = true,
            };
        }

        return wire;
    }

    public static ExecuteResponse ToWire(GatewayException error, ulong nodeId) => new()
    {
        NodeId = nodeId,
        Error = new ExecuteError { Code = error.Code, Message = error.Message, Retryable = error.Retryable, LeaderId = error.LeaderId },
    };

    /// <exception cref="GatewayException">The response carries a gateway error.</exception>
    public static SqlResult FromWire(ExecuteResponse wire)
    {
        if (wire.Error is { SqlError: false } failure)
        {
            throw new GatewayException(failure.Code, failure.Message, failure.Retryable, failure.LeaderId);
        }

        var error = wire.Error is { } sql ? new SqlError(sql.Code, sql.Message, sql.Statement, sql.Line, sql.Column) : null;
        return new SqlResult([.. wire.Results], wire.RaftIndex, wire.NodeId, error);
    }
}
