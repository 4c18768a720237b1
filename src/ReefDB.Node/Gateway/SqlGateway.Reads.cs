using System.Diagnostics;
using ReefDB.Sql;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Gateway;

internal sealed partial class SqlGateway
{
    /// <summary>
    /// A read-only request: waits for the consistency asked, then runs on one published state, never through the
    /// log. Linearizable: ReadIndex (the leader confirms its leadership; a follower asks it) and wait until applied
    /// that far. Lease: the leader serves under its lease (a follower forwards). Stale: this node's applied state.
    /// </summary>
    private async Task<SqlResult> ReadAsync(SqlRequest request, PreparedBatch[] prepared, LeaderPolicy policy, CancellationToken cancellationToken)
    {
        if (policy == LeaderPolicy.LocalOnly)
        {
            // Forwarded: the forwarding stream starts requests on its reader, and a read's statements may run up to the
            // request timeout (its wait for the consistency asked can complete at once). Off that thread, the requests
            // behind it on the stream go on.
            await Task.Yield();
        }

        var consistency = request.Consistency ?? defaultConsistency;
        return await (consistency switch
        {
            ReadConsistency.Stale => Task.FromResult(ReadLocal(request, prepared, cancellationToken)),
            ReadConsistency.Lease => OnLeaderAsync(request, policy, leaderOnly: true, async () =>
            {
                await replica.LeaseReadAsync(cancellationToken).ConfigureAwait(false);
                return ReadLocal(request, prepared, cancellationToken);
            }, cancellationToken),
            _ => OnLeaderAsync(request, policy, leaderOnly: false, async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var index = await replica.ReadIndexAsync(cancellationToken).ConfigureAwait(false);
                await replica.WaitForAppliedAsync(index, cancellationToken).ConfigureAwait(false);
                metrics?.ReadIndexLatency(Stopwatch.GetElapsedTime(started));
                return ReadLocal(request, prepared, cancellationToken);
            }, cancellationToken),
        }).ConfigureAwait(false);
    }

    /// <param name="cancellationToken">The caller's, which the request timeout also cancels: a statement still running
    /// then ends with 57014 instead of running on for nobody.</param>
    private SqlResult ReadLocal(SqlRequest request, PreparedBatch[] prepared, CancellationToken cancellationToken)
    {
        // One state for the whole request: every statement sees the same version.
        var state = replica.StateMachine.Current;
        var env = ReadEnvironment();
        var outcomes = new List<StatementOutcome>();
        for (var i = 0; i < prepared.Length; i++)
        {
            var executed = replica.StateMachine.Engine.Execute(state.Database, prepared[i], request.Statements[i].Parameters, env, cancellationToken, maxResultBytes);
            foreach (var result in executed.Results)
            {
                outcomes.Add(OutcomeCodec.Encode(result));
                if (result.Error is { } error)
                {
                    return new SqlResult(outcomes, state.AppliedIndex, replica.NodeId,
                        new SqlError(error.SqlState, error.Message, i, error.Position?.Line ?? 0, error.Position?.Column ?? 0));
                }
            }
        }

        return new SqlResult(outcomes, state.AppliedIndex, replica.NodeId, Error: null);
    }
}
