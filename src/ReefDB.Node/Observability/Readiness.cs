using ReefDB.Node.Replicas;

namespace ReefDB.Node.Observability;

/// <summary>
/// Readiness as <c>/health/ready</c> reports it: a leader is known, and this node has applied everything that was
/// committed when it first learnt of a leader (so it does not serve stale reads as a fresh node after a restart).
/// Once reached, readiness holds while a leader is known.
/// </summary>
internal sealed class Readiness
{
    private readonly Lock gate = new();
    private ulong? catchUpTarget;
    private bool caughtUp;

    /// <summary>Whether the node is ready, and if not, why.</summary>
    public (bool Ready, string Reason) Check(ReplicaSnapshot status)
    {
        if (status.LeaderId == 0)
        {
            return (false, "no leader is known");
        }

        lock (gate)
        {
            catchUpTarget ??= status.CommitIndex;
            if (!caughtUp && status.AppliedIndex >= catchUpTarget)
            {
                caughtUp = true;
            }

            return caughtUp
                ? (true, "ready")
                : (false, $"catching up: applied {status.AppliedIndex} of {catchUpTarget}");
        }
    }
}
