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
/// <param name="maxResultBytes">The largest result one read statement may build (<c>max_result_bytes</c>).</param>
internal sealed partial class SqlGateway(
    IReplica replica, ILeaderForwarder forwarder, ReadConsistency defaultConsistency, TimeProvider clock, Observability.NodeMetrics? metrics = null,
    long maxResultBytes = long.MaxValue)
{
    private readonly PreparedRequestCache preparedRequests = new(replica.StateMachine.Engine);

    public IReplica Replica => replica;

    public async Task<SqlResult> ExecuteAsync(SqlRequest request, LeaderPolicy policy, CancellationToken cancellationToken)
    {
        var prepared = new PreparedBatch[request.Statements.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            var statement = request.Statements[i];
            try
            {
                prepared[i] = preparedRequests.GetOrPrepare(statement.Sql);
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
    /// <param name="leaderOnly">True when <paramref name="local"/> succeeds on the leader alone (writes, lease reads):
    /// a node that knows another leader then skips it, which would only be refused.</param>
    private async Task<SqlResult> OnLeaderAsync(
        SqlRequest request, LeaderPolicy policy, bool leaderOnly, Func<Task<SqlResult>> local, CancellationToken cancellationToken)
    {
        var leaderId = replica.LeaderId;
        if (!leaderOnly || leaderId == 0 || leaderId == replica.NodeId)
        {
            try
            {
                return await local().ConfigureAwait(false);
            }
            catch (NotLeaderException e)
            {
                leaderId = e.LeaderId;
            }
        }

        if (leaderId == 0)
        {
            throw new GatewayException(GatewayErrorCode.NoLeader, "no leader is known right now (an election is under way); retry shortly", retryable: true);
        }

        switch (policy)
        {
            case LeaderPolicy.Redirect:
                throw new RedirectToLeaderException(leaderId);
            case LeaderPolicy.Forward when leaderId != replica.NodeId:
                return await forwarder.ForwardAsync(leaderId, request, cancellationToken).ConfigureAwait(false);
            default:
                throw new GatewayException(
                    GatewayErrorCode.Unavailable, $"node {replica.NodeId} does not lead (node {leaderId} does); retry", retryable: true, leaderId: leaderId);
        }
    }

    // A read's random() seed needs no cryptographic source: nothing is stamped or replicated from it.
    private ExecutionEnvironment ReadEnvironment() =>
        new(clock.GetUtcNow().UtcDateTime, Random.Shared.Next(int.MaxValue));
}
