using ReefDB.Node.Replicas;

namespace ReefDB.Node;

public sealed partial class ReefNode
{
    /// <summary>How often the leader looks for learners to promote.</summary>
    private static readonly TimeSpan PromotionInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On the leader, turns each learner into a voter once it has caught up (its match index reached the commit
    /// index): a new member votes only when it could serve, so adding it never stalls commits (issue 5, admin).
    /// </summary>
    private async Task PromoteCaughtUpLearnersAsync(RaftReplicaAdapter adapter, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(PromotionInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    var status = await adapter.GetStatusAsync(stopping).ConfigureAwait(false);
                    if (!string.Equals(status.Role, "leader", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    foreach (var learner in status.Members.Where(m => m.Role == "learner" && m.MatchIndex >= status.CommitIndex))
                    {
                        await adapter.PromoteAsync(learner.NodeId, stopping).ConfigureAwait(false);
                        LogMessages.LearnerPromoted(logger, learner.NodeId, learner.MatchIndex ?? 0);
                    }
                }
                catch (Exception e) when (e is Gateway.GatewayException or Gateway.NotLeaderException)
                {
                    // Another change pending, or leadership moved: the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
