namespace ReefDB.Raft.Messages;

/// <summary>
/// Everything nodes say to each other. One shape for all <see cref="MessageType"/>s, as in etcd-io/raft, so that
/// a transport needs a single codec; fields a kind does not use are zero or empty.
/// </summary>
/// <remarks>
/// Messages are immutable once handed out in a <see cref="Ready"/>; a transport may serialize them on any thread.
/// </remarks>
public sealed record Message
{
    /// <summary>The kind of message.</summary>
    public MessageType Type { get; init; }

    /// <summary>The sender's node id.</summary>
    public ulong From { get; init; }

    /// <summary>The recipient's node id.</summary>
    public ulong To { get; init; }

    /// <summary>The sender's term; 0 for local messages and for forwarded proposals and read requests.</summary>
    public ulong Term { get; init; }

    /// <summary>
    /// For <see cref="MessageType.Append"/>: the term of the entry at <see cref="Index"/>. For votes: the term of the
    /// candidate's last entry. For a rejected append response: the term of the follower's entry at
    /// <see cref="RejectHint"/>, so the leader can skip a whole term when backtracking.
    /// </summary>
    public ulong LogTerm { get; init; }

    /// <summary>
    /// For <see cref="MessageType.Append"/>: the index just before <see cref="Entries"/>. For votes: the candidate's
    /// last index. For append responses: the highest index the follower now matches (or the rejected index).
    /// For <see cref="MessageType.ReadIndexResponse"/>: the commit index to wait for. For heartbeats and their
    /// responses (lease reads only, 0 otherwise): the leader's tick at which the round was sent, echoed back.
    /// </summary>
    public ulong Index { get; init; }

    /// <summary>Entries to append (for <see cref="MessageType.Append"/> and <see cref="MessageType.Propose"/>).</summary>
    public IReadOnlyList<Entry> Entries { get; init; } = [];

    /// <summary>The sender's commit index (append and heartbeat).</summary>
    public ulong Commit { get; init; }

    /// <summary>True when a response refuses the request.</summary>
    public bool Reject { get; init; }

    /// <summary>On a rejected append: the follower's best guess of the last index that may match (the conflict hint).</summary>
    public ulong RejectHint { get; init; }

    /// <summary>The snapshot, for <see cref="MessageType.Snapshot"/>.</summary>
    public Snapshot? Snapshot { get; init; }

    /// <summary>
    /// Opaque bytes: the read request id for read-index traffic and heartbeats, or
    /// <see cref="Message.TransferContext"/> on vote requests of a leadership transfer.
    /// </summary>
    public ReadOnlyMemory<byte> Context { get; init; }

    /// <summary>The <see cref="Context"/> that marks a vote request made on the leader's behalf (leader transfer).</summary>
    public static ReadOnlyMemory<byte> TransferContext { get; } = "CampaignTransfer"u8.ToArray();

    /// <summary>True for the kinds that never cross the network.</summary>
    public bool IsLocal => Type is MessageType.Hup or MessageType.Beat or MessageType.Unreachable
        or MessageType.SnapshotStatus or MessageType.CheckQuorum;

    /// <summary>True for the answers that a peer sends back to the request's sender.</summary>
    public bool IsResponse => Type is MessageType.AppendResponse or MessageType.VoteResponse
        or MessageType.HeartbeatResponse or MessageType.PreVoteResponse or MessageType.ReadIndexResponse
        or MessageType.Unreachable or MessageType.SnapshotStatus;

    /// <inheritdoc />
    public override string ToString() => MessageFormatter.Format(this);
}
