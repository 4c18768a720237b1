using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Core;

/// <summary>
/// The leader lease of <see cref="ReadOnlyOption.LeaseBased"/> (dissertation §6.4.1), both halves of it: the leader's
/// bound on how long a quorum's acknowledgement protects its reads, and the followers' promise not to elect anyone
/// else meanwhile.
/// </summary>
/// <remarks>
/// <para>
/// A follower that accepts a heartbeat sent at the leader's tick <c>s</c> grants no (non-transfer) vote for
/// <see cref="RaftConfig.ElectionTick"/> of its own ticks. If a quorum accepted heartbeats sent at or after
/// <c>s</c>, no other node can win an election before that many ticks have passed on a quorum's clocks, so the
/// leader may answer reads from its commit index until <see cref="LeaseTicks"/> of its own ticks after <c>s</c>.
/// The margin covers the tick phase between nodes (1 tick), the tick in which a read arrives (1 tick) and clocks
/// that run up to 10% apart (see <see cref="RaftConfig.LeaseTicks"/>). The lease is NOT "until check-quorum fires":
/// check-quorum runs once per election timeout, up to two timeouts after the last quorum contact.
/// </para>
/// <para>
/// The round's send tick travels in the heartbeat's <see cref="Message.Index"/> and comes back in the response, so
/// a delayed or duplicated response can never extend the lease beyond its round. Ticks are counted per process
/// and never persisted: a restarted node starts a new count, and only compares ticks of its own lifetime.
/// </para>
/// </remarks>
internal sealed partial class RaftCore
{
    /// <summary>Ticks of this process: the clock of the lease.</summary>
    private long ticks;

    /// <summary>The tick at which this node last accepted a message of its leader, or started (see
    /// <see cref="InFollowerLease"/>).</summary>
    private long leaderContactTick;

    /// <summary>On a lease leader: per member, the newest send tick of a heartbeat round it acknowledged this term.</summary>
    private readonly Dictionary<ulong, long> leaseAcks = [];

    private bool LeaseMode => config.ReadOnlyOption == ReadOnlyOption.LeaseBased;

    /// <summary>How long after a quorum-acknowledged heartbeat round was sent the leader may answer reads alone.</summary>
    private int LeaseTicks => config.LeaseTicks;

    /// <summary>
    /// True while this node must not help elect anyone but the current leader: it heard from a leader within an
    /// election timeout. In lease mode the promise survives a term change and a restart (a restarted node does not
    /// know whose lease it acknowledged, so it waits a full election timeout before its first non-transfer vote).
    /// </summary>
    private bool InFollowerLease =>
        config.CheckQuorum
        && ((Lead != 0 && electionElapsed < electionTimeout)
            || (LeaseMode && ticks - leaderContactTick < electionTimeout));

    /// <summary>Called whenever this node accepts an append, heartbeat or snapshot of its current leader.</summary>
    private void NoteLeaderContact() => leaderContactTick = ticks;

    /// <summary>The heartbeat's round stamp: the send tick in lease mode, 0 otherwise (nothing reads it).</summary>
    private ulong HeartbeatRoundStamp => LeaseMode ? (ulong)ticks : 0;

    private void RecordLeaseAck(Message response)
    {
        if (!LeaseMode || response.Index > (ulong)ticks)
        {
            return;
        }

        var sentAt = (long)response.Index;
        if (!leaseAcks.TryGetValue(response.From, out var known) || known < sentAt)
        {
            leaseAcks[response.From] = sentAt;
        }
    }

    /// <summary>
    /// True when a quorum of voters acknowledged heartbeat rounds sent at most <see cref="LeaseTicks"/> − 1 ticks ago
    /// and this leader never sent TimeoutNow in its term.
    /// </summary>
    private bool LeaseValid()
    {
        if (leaseRevoked)
        {
            return false;
        }

        var voters = Tracker.Membership.Voters;
        var sentTicks = new long[voters.Count];
        var i = 0;
        foreach (var voter in voters)
        {
            sentTicks[i++] = voter == Id ? ticks : leaseAcks.GetValueOrDefault(voter, long.MinValue);
        }

        // The newest send tick that a quorum acknowledged (each member vouches for its own newest round and every
        // round before it): the quorum-th largest value.
        Array.Sort(sentTicks);
        var quorumSentAt = sentTicks[sentTicks.Length - (sentTicks.Length / 2 + 1)];
        return quorumSentAt != long.MinValue && ticks - quorumSentAt < LeaseTicks;
    }
}
