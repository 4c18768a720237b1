using ReefDB.Raft.Messages;

namespace ReefDB.Raft;

/// <summary>
/// Everything a <see cref="RaftNode"/> asks its driver to do, handed out by <see cref="RaftNode.GetReady"/> and
/// acknowledged with <see cref="RaftNode.Advance"/>.
/// </summary>
/// <remarks>
/// <para>The contract, in this order:</para>
/// <list type="number">
/// <item><description>Persist <see cref="Snapshot"/> (if any), then <see cref="Entries"/>, then
/// <see cref="HardState"/> (if any) — durably (fsync) when <see cref="MustSync"/> is true. Entries may replace a
/// suffix of the stored log: truncate at the first entry's index.</description></item>
/// <item><description>Only then send <see cref="Messages"/>. Some of them (votes, append acknowledgements) promise
/// that the data above is durable; sending them earlier can lose committed entries in a crash. The core emits each
/// such message in the same Ready as the state it depends on, never earlier. A driver may instead send
/// <see cref="EarlyMessages"/> before step 1 and <see cref="MessagesAfterPersist"/> after it: a leader's appends then
/// travel while it writes its own copy, so its fsync and its followers' overlap.</description></item>
/// <item><description>Install <see cref="Snapshot"/> into the state machine, then apply
/// <see cref="CommittedEntries"/> in order (they may overlap <see cref="Entries"/>: step 1 made them durable).
/// </description></item>
/// <item><description>Call <see cref="RaftNode.Advance"/>. It tells the core the entries are stable and the
/// committed entries applied; messages the node sent to itself (the leader's acknowledgement of its own entries,
/// a candidate's own vote) are processed then, so a node counts itself in a quorum only after it persisted.
/// </description></item>
/// </list>
/// <para>A leader that is the only voter (learners aside) is its own quorum: it counts its entries when it appends
/// them, so they come out in one Ready both in <see cref="Entries"/> and in <see cref="CommittedEntries"/> (with
/// <see cref="HardState"/>'s commit covering them), and a write takes one Ready instead of two. The order above is
/// what makes that safe: the entries are durable (step 1) before they are applied (step 3), and the commit index is
/// never persisted ahead of them. Because any message may carry that commit index (a learner's append), a Ready
/// whose commit covers its own <see cref="Entries"/> puts every message in <see cref="MessagesAfterPersist"/>. With
/// other voters nothing changes: the leader still counts itself on Advance and its appends still leave early.</para>
/// <para>Only one Ready is outstanding at a time: <see cref="RaftNode.HasReady"/> is false and
/// <see cref="RaftNode.GetReady"/> throws until <see cref="RaftNode.Advance"/>. Other inputs (ticks, messages,
/// proposals) may be given meanwhile; their effects go into the next Ready. A driver that crashes between steps
/// simply restarts from what it persisted.</para>
/// </remarks>
public sealed class Ready
{
    internal Ready()
    {
    }

    /// <summary>The leader and role, when they changed since the last Ready; otherwise null.</summary>
    public SoftState? SoftState { get; internal init; }

    /// <summary>The term, vote and commit to persist, when they changed since the last Ready; otherwise null.</summary>
    public HardState? HardState { get; internal init; }

    /// <summary>Answers to read-index requests (see <see cref="ReadState"/>).</summary>
    public IReadOnlyList<ReadState> ReadStates { get; internal init; } = [];

    /// <summary>Entries to persist, in index order, before sending <see cref="Messages"/>.</summary>
    public IReadOnlyList<Entry> Entries { get; internal init; } = [];

    /// <summary>A snapshot received from the leader, to persist and install; otherwise null.</summary>
    public Snapshot? Snapshot { get; internal init; }

    /// <summary>Committed entries to apply, in index order.</summary>
    public IReadOnlyList<Entry> CommittedEntries { get; internal init; } = [];

    /// <summary>Every message to send, all of them safe to send once the state above is persisted:
    /// <see cref="EarlyMessages"/> followed by <see cref="MessagesAfterPersist"/>. Order per destination matters only
    /// for efficiency: the protocol tolerates loss, duplication and reordering.</summary>
    public IReadOnlyList<Message> Messages { get; internal init; } = [];

    /// <summary>
    /// The part of <see cref="Messages"/> that may be sent before (or while) the state above is persisted: a leader's
    /// appends, heartbeats, snapshots and read-index answers. None of them promises that this node's log is durable: a
    /// leader counts its own entries towards a commit only on <see cref="RaftNode.Advance"/>, after it persisted them
    /// (Raft dissertation §10.2.1). Empty unless this node leads, and empty when a lone voter committed entries of this
    /// Ready (see the remarks).
    /// </summary>
    public IReadOnlyList<Message> EarlyMessages { get; internal init; } = [];

    /// <summary>The part of <see cref="Messages"/> that must wait until the state above is durable: append and vote
    /// answers (they promise it), and every message of a follower or candidate.</summary>
    public IReadOnlyList<Message> MessagesAfterPersist { get; internal init; } = [];

    /// <summary>True when the hard state's term or vote changed, or entries or a snapshot must be written: persist
    /// with fsync. False means a lost write is harmless (only the commit index changed).</summary>
    public bool MustSync { get; internal init; }

    /// <summary>Steps the core performs on <see cref="RaftNode.Advance"/> (messages to itself).</summary>
    internal IReadOnlyList<Message> StepsOnAdvance { get; init; } = [];
}
