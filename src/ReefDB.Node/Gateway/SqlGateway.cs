using System.Security.Cryptography;
using ReefDB.Node.Replicas;
using ReefDB.Sql;
using ReefDB.Sql.Errors;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Gateway;

/// <summary>
/// Executes SQL requests for both front doors (HTTP and gRPC): reads at the asked consistency against the applied
/// state (never through the log), writes through Raft, and requests only the leader can serve forwarded to it.
/// </summary>
/// <remarks>
/// A request is a read when every statement is read-only; anything else goes into the log as a batch and is
/// answered with the outcome applied on the node that proposed it (DESIGN.md §5). Thread-safe.
/// </remarks>
internal sealed partial class SqlGateway(
    IReplica replica, ILeaderForwarder forwarder, ReadConsistency defaultConsistency, TimeProvider clock, Observability.NodeMetrics? metrics = null)
{
    public IReplica Replica => replica;

    public async Task<SqlResult> ExecuteAsync(SqlRequest request, LeaderPolicy policy, CancellationToken cancellationToken)
    {
        var prepared = new PreparedBatch[request.Statements.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            var statement = request.Statements[i];
            try
            {
                prepared[i] = replica.StateMachine.Engine.Prepare(statement.Sql);
            }
            catch (SqlException e)
            {
                return Failed(i, e);
            }

            if (statement.Parameters.Count < prepared[i].ParameterCount)
            {
                return Failed(i, new SqlException(SqlStates.UndefinedParameter, $"there is no parameter ${statement.Parameters.Count + 1}"));
            }
        }

        if (prepared.All(p => p.IsReadOnly))
        {
            return await ReadAsync(request, prepared, policy, cancellationToken).ConfigureAwait(false);
        }

        if (request.Transaction || request.Statements.Count == 1)
        {
            return await WriteAsync(request, prepared, policy, cancellationToken).ConfigureAwait(false);
        }

        return await WriteEachAsync(request, prepared, policy, cancellationToken).ConfigureAwait(false);
    }

    private SqlResult Failed(int statement, SqlException error) =>
        new([OutcomeCodec.Failure(error.SqlState, error.Message)], replica.StateMachine.Current.AppliedIndex, replica.NodeId,
            new SqlError(error.SqlState, error.Message, statement, error.Position?.Line ?? 0, error.Position?.Column ?? 0));

    /// <summary>Runs <paramref name="local"/>; when only the leader can serve it, forwards, redirects or fails per <paramref name="policy"/>.</summary>
    private async Task<SqlResult> OnLeaderAsync(
        SqlRequest request, LeaderPolicy policy, Func<Task<SqlResult>> local, CancellationToken cancellationToken)
    {
        try
        {
            return await local().ConfigureAwait(false);
        }
        catch (NotLeaderException e)
        {
            if (e.LeaderId == 0)
            {
                throw new GatewayException(GatewayErrorCode.NoLeader, "no leader is known right now (an election is under way); retry shortly", retryable: true);
            }

            switch (policy)
            {
                case LeaderPolicy.Redirect:
                    throw new RedirectToLeaderException(e.LeaderId);
                case LeaderPolicy.Forward when e.LeaderId != replica.NodeId:
                    return await forwarder.ForwardAsync(e.LeaderId, request, cancellationToken).ConfigureAwait(false);
                default:
                    throw new GatewayException(
                        GatewayErrorCode.Unavailable, $"node {replica.NodeId} does not lead (node {e.LeaderId} does); retry", retryable: true, leaderId: e.LeaderId);
            }
        }
    }

    private ExecutionEnvironment ReadEnvironment() =>
        new(clock.GetUtcNow().UtcDateTime, RandomNumberGenerator.GetInt32(int.MaxValue));
}
