using System.Diagnostics;
using ReefDB.Sql;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Gateway;

internal sealed partial class SqlGateway
{
    /// <summary>The whole request as one batch: all of it takes effect, or none.</summary>
    private Task<SqlResult> WriteAsync(SqlRequest request, PreparedBatch[] prepared, LeaderPolicy policy, CancellationToken cancellationToken) =>
        OnLeaderAsync(request, policy, leaderOnly: true, async () =>
        {
            var batch = BatchStamper.Stamp(request.Statements, request.ClientId, request.Sequence, clock);
            var started = Stopwatch.GetTimestamp();
            CommandOutcome outcome;
            try
            {
                outcome = await replica.ProposeAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (GatewayException e)
            {
                metrics?.Proposal(e.Retryable ? "refused" : "failed");
                throw;
            }
            catch (OperationCanceledException)
            {
                metrics?.Proposal("failed");
                throw;
            }

            metrics?.Proposal("accepted");
            metrics?.ProposalLatency(Stopwatch.GetElapsedTime(started));
            return FromOutcome(outcome, prepared);
        }, cancellationToken);

    /// <summary>Several statements without a transaction: each its own batch, in order, up to the first error.</summary>
    private async Task<SqlResult> WriteEachAsync(SqlRequest request, PreparedBatch[] prepared, LeaderPolicy policy, CancellationToken cancellationToken)
    {
        if (request.ClientId is not null)
        {
            throw new GatewayException(
                GatewayErrorCode.InvalidRequest,
                "client_id makes one request exactly-once; send several statements with \"transaction\": true, or one request per statement");
        }

        var outcomes = new List<StatementOutcome>();
        SqlResult? last = null;
        for (var i = 0; i < prepared.Length; i++)
        {
            var single = request with { Statements = [request.Statements[i]], Transaction = true };
            last = await ExecuteAsync(single, policy, cancellationToken).ConfigureAwait(false);
            outcomes.AddRange(last.Results);
            if (last.Error is { } error)
            {
                return last with { Results = outcomes, Error = error with { Statement = i } };
            }
        }

        return last! with { Results = outcomes };
    }

    /// <summary>Maps an applied outcome back to the request: which request statement each result belongs to.</summary>
    private SqlResult FromOutcome(CommandOutcome outcome, PreparedBatch[] prepared)
    {
        SqlError? error = null;
        for (var i = 0; i < outcome.Statements.Count; i++)
        {
            if (outcome.Statements[i].Error is { } failed)
            {
                error = new SqlError(failed.SqlState, failed.Message, RequestStatementOf(i, prepared), failed.Line, failed.Column);
                break;
            }
        }

        return new SqlResult(outcome.Statements, outcome.AppliedIndex, replica.NodeId, error);
    }

    private static int RequestStatementOf(int resultIndex, PreparedBatch[] prepared)
    {
        var seen = 0;
        for (var i = 0; i < prepared.Length; i++)
        {
            seen += prepared[i].Statements.Count;
            if (resultIndex < seen)
            {
                return i;
            }
        }

        return Math.Max(0, prepared.Length - 1);
    }
}
