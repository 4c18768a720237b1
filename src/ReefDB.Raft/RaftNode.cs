using ReefDB.Raft.Configuration;
using ReefDB.Raft.Core;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Raft;

/// <summary>
/// One member of a Raft group, as a pure state machine (etcd-io/raft's RawNode): no threads, clocks, files or
/// sockets. Feed it ticks, messages and requests; take <see cref="Ready"/>s out and acknowledge each with
/// <see cref="Advance"/> (see <see cref="Ready"/> for the persistence contract).
/// </summary>
/// <remarks>
/// Not thread-safe: one driver thread calls every method. Given the same storage contents, configuration (with the
/// same <see cref="RaftConfig.Random"/> seed) and sequence of calls, it produces exactly the same outputs.
/// </remarks>
public sealed class RaftNode
{
    private readonly RaftCore core;
    private SoftState previousSoftState;
    private HardState previousHardState;
    private Ready? outstanding;

    /// <summary>
    /// Creates a node from what <paramref name="storage"/> holds: a fresh node (empty storage with a bootstrap or
    /// empty membership) or a restart (hard state, snapshot, log). It starts as a follower.
    /// </summary>
    /// <exception cref="ArgumentException">The configuration is invalid (<see cref="RaftConfig.Validate"/>).</exception>
    public RaftNode(RaftConfig config, IRaftStorage storage)
    {
        core = new RaftCore(config, storage);
        previousSoftState = core.SoftState;
        previousHardState = core.HardState;
    }

    /// <summary>This node's id.</summary>
    public ulong Id => core.Id;

    /// <summary>The membership in force now (including appended, uncommitted changes).</summary>
    public Membership Membership => core.Tracker.Membership;

    /// <summary>The known leader (0: none).</summary>
    public ulong Leader => core.Lead;

    /// <summary>This node's role.</summary>
    public RaftRole Role => core.Role;

    /// <summary>The current term.</summary>
    public ulong Term => core.Term;

    /// <summary>This node holds entries beyond its commit index: on a leader, entries still waiting for their quorum.</summary>
    public bool HasUncommittedEntries => core.AppendsInFlight;

    /// <summary>The membership after applying entries up to <paramref name="index"/>, for an index not before the
    /// last snapshot: what to store in a snapshot the application creates at that index.</summary>
    public Membership MembershipAt(ulong index) => core.MembershipAt(index);

    /// <summary>A consistent picture of this node's state, for tests, metrics and admin endpoints.</summary>
    public RaftStatus Status => RaftStatus.From(core);

    /// <summary>Advances logical time by one tick (drives election timeouts, heartbeats, check-quorum).</summary>
    public void Tick() => core.Tick();

    /// <summary>Starts an election now (subject to pre-vote), if this node is a voter and not the leader.</summary>
    public void Campaign() => core.Step(new Message { Type = MessageType.Hup, From = Id });

    /// <summary>Processes a message received from a peer. Messages from unknown peers that answer requests are
    /// ignored (they may come from a removed node).</summary>
    /// <exception cref="ArgumentException">The message is of a local-only kind.</exception>
    public void Step(Message message)
    {
        if (message.IsLocal)
        {
            throw new ArgumentException($"{message.Type} is a local message and cannot be received from the network.", nameof(message));
        }

        if (message.IsResponse && core.Tracker.Get(message.From) is null && message.From != Id)
        {
            return;
        }

        core.Step(message);
    }

    /// <summary>Proposes an application command. On a follower it is forwarded to the leader (unless disabled).</summary>
    /// <exception cref="ProposalDroppedException">It was refused (no leader, transfer in progress, overload).</exception>
    public void Propose(ReadOnlyMemory<byte> data) =>
        ThrowIfDropped(core.Step(new Message { Type = MessageType.Propose, From = Id, Entries = [new Entry(0, 0, EntryType.Normal, data)] }));

    /// <inheritdoc cref="Propose(ReadOnlyMemory{byte})"/>
    public void Propose(byte[] data) => Propose(new ReadOnlyMemory<byte>(data));

    /// <summary>Proposes several commands at once: one append, one message per follower.</summary>
    /// <exception cref="ProposalDroppedException">They were refused, all of them.</exception>
    public void ProposeBatch(IReadOnlyList<ReadOnlyMemory<byte>> commands)
    {
        if (commands.Count == 0)
        {
            return;
        }

        var entries = new Entry[commands.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new Entry(0, 0, EntryType.Normal, commands[i]);
        }

        ThrowIfDropped(core.Step(new Message { Type = MessageType.Propose, From = Id, Entries = entries }));
    }

    /// <summary>
    /// Proposes a membership change. It takes effect on each node when appended there; the leader accepts it only
    /// when the previous change is committed and an entry of its own term is committed.
    /// </summary>
    /// <exception cref="ProposalDroppedException">Refused (see <see cref="ProposalDropReason"/>).</exception>
    public void ProposeConfChange(ConfChange change)
    {
        // The leader re-encodes the payload with the membership it produces from its own view.
        var data = ConfChangeCodec.Encode(change, Membership.Empty);
        ThrowIfDropped(core.Step(new Message { Type = MessageType.Propose, From = Id, Entries = [new Entry(0, 0, EntryType.ConfChange, data)] }));
    }

    /// <summary>
    /// Asks for a linearizable read point. The answer arrives as a <see cref="ReadState"/> with the same
    /// <paramref name="context"/> in a later <see cref="Ready"/>; the caller then waits until it applied
    /// <see cref="ReadState.Index"/>. Requests can be lost (leader change): callers retry after a timeout, with a
    /// fresh context.
    /// </summary>
    /// <param name="context">A non-empty id, unique among this group's pending reads (requests with the same
    /// context are merged, and only the first requester is answered).</param>
    /// <exception cref="ArgumentException"><paramref name="context"/> is empty.</exception>
    /// <exception cref="ProposalDroppedException">No leader is known.</exception>
    public void ReadIndex(ReadOnlyMemory<byte> context) => ReadIndex(context, core.Config.ReadOnlyOption);

    /// <summary>
    /// As <see cref="ReadIndex(ReadOnlyMemory{byte})"/>, with this read's own way of confirming leadership:
    /// <see cref="ReadOnlyOption.Safe"/> always takes a heartbeat round, even in a group that runs leases;
    /// <see cref="ReadOnlyOption.LeaseBased"/> answers from the leader's lease while it holds, where the group runs
    /// <see cref="RaftConfig.ReadOnlyOption"/> = <see cref="ReadOnlyOption.LeaseBased"/> (elsewhere it takes a round).
    /// The option applies on the leader; a request a follower forwards is always confirmed with a round.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="context"/> is empty.</exception>
    /// <exception cref="ProposalDroppedException">No leader is known.</exception>
    public void ReadIndex(ReadOnlyMemory<byte> context, ReadOnlyOption option)
    {
        if (context.IsEmpty)
        {
            throw new ArgumentException("A read-index request needs a non-empty context to match its answer.", nameof(context));
        }

        ThrowIfDropped(core.ReadIndex(context, option));
    }

    /// <summary>
    /// Asks the leader to hand leadership to <paramref name="transferee"/> (a voter): it brings the target's log up
    /// to date, then tells it to campaign. Proposals are refused meanwhile; the attempt is abandoned after an
    /// election timeout.
    /// </summary>
    /// <exception cref="ProposalDroppedException">No leader is known, or the target is not a voter.</exception>
    public void TransferLeader(ulong transferee) =>
        ThrowIfDropped(core.Step(new Message { Type = MessageType.TransferLeader, From = transferee, To = Id }));

    /// <summary>Tells the leader that the last messages to <paramref name="id"/> were probably lost.</summary>
    public void ReportUnreachable(ulong id) =>
        core.Step(new Message { Type = MessageType.Unreachable, From = id, To = Id });

    /// <summary>Tells the leader whether the snapshot sent to <paramref name="id"/> was delivered.</summary>
    public void ReportSnapshot(ulong id, bool succeeded) =>
        core.Step(new Message { Type = MessageType.SnapshotStatus, From = id, To = Id, Reject = !succeeded });

    /// <summary>True when a <see cref="GetReady"/> would hand out work (and none is outstanding).</summary>
    public bool HasReady
    {
        get
        {
            if (outstanding is not null)
            {
                return false;
            }

            var hard = core.HardState;
            return core.Lead != previousSoftState.Leader || core.Role != previousSoftState.Role
                || (!hard.IsEmpty && hard != previousHardState)
                || core.Log.Unstable.Snapshot is not null
                || core.Log.Unstable.Count > 0
                || core.Messages.Count > 0
                || core.CommitBroadcastDue
                || core.MessagesAfterAppend.Count > 0
                || core.ReadStates.Count > 0
                || core.Log.HasNextCommittedEntries();
        }
    }

    /// <summary>Takes the pending work. Call <see cref="Advance"/> with it before the next one.</summary>
    /// <exception cref="InvalidOperationException">A Ready is still outstanding.</exception>
    public Ready GetReady()
    {
        if (outstanding is not null)
        {
            throw new InvalidOperationException("The previous Ready was not advanced yet.");
        }

        // Empty appends that tell followers a commit go out now, to those that no append carried it to meanwhile.
        core.FlushCommitBroadcast();
        var soft = core.SoftState;
        var hard = core.HardState;
        var entries = core.Log.UnstableEntries();
        var committed = core.Log.NextCommittedEntries(entries);
        var hardChanged = hard != previousHardState;

        // Early messages first, then the ones that wait for persistence: one array, two views (Ready.Messages); a view
        // that is empty or whole is the array itself, not a boxed segment (most Readies of a lone voter or follower).
        var selfCount = 0;
        foreach (var m in core.MessagesAfterAppend)
        {
            if (m.To == Id)
            {
                selfCount++;
            }
        }

        var total = core.Messages.Count + core.MessagesAfterAppend.Count - selfCount;
        var messages = total == 0 ? [] : new Message[total];
        core.Messages.CopyTo(messages);
        var earlyCount = IsEarlySender && !CommitsUnpersisted(hard, entries) ? core.Messages.Count : 0;
        var selfSteps = selfCount == 0 ? [] : new Message[selfCount];
        var next = core.Messages.Count;
        selfCount = 0;
        foreach (var m in core.MessagesAfterAppend)
        {
            if (m.To == Id)
            {
                selfSteps[selfCount++] = m;
            }
            else
            {
                messages[next++] = m;
            }
        }

        var ready = new Ready
        {
            SoftState = soft.Equals(previousSoftState) ? null : soft,
            HardState = hardChanged ? hard : null,
            ReadStates = core.ReadStates.Count == 0 ? [] : core.ReadStates.ToArray(),
            Entries = entries,
            Snapshot = core.Log.Unstable.Snapshot,
            CommittedEntries = committed,
            Messages = messages,
            EarlyMessages = View(messages, 0, earlyCount),
            MessagesAfterPersist = View(messages, earlyCount, total - earlyCount),
            MustSync = entries.Length > 0 || core.Log.Unstable.Snapshot is not null
                || hard.Term != previousHardState.Term || hard.Vote != previousHardState.Vote,
            StepsOnAdvance = selfSteps,
        };

        core.Messages.Clear();
        core.MessagesAfterAppend.Clear();
        core.ReadStates.Clear();
        core.ReduceUncommittedSize(committed);
        previousSoftState = soft;
        previousHardState = hard;
        outstanding = ready;
        return ready;
    }

    /// <summary>
    /// Acknowledges <paramref name="ready"/>: its entries, hard state and snapshot are persisted, its messages
    /// handed to the transport, and its committed entries applied.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="ready"/> is not the outstanding Ready.</exception>
    public void Advance(Ready ready)
    {
        if (!ReferenceEquals(ready, outstanding))
        {
            throw new InvalidOperationException("Advance must be called with the Ready returned by the last GetReady.");
        }

        outstanding = null;
        if (ready.Snapshot is not null)
        {
            core.Log.StableSnapTo(ready.Snapshot.Metadata.Index);
            core.Log.AppliedTo(ready.Snapshot.Metadata.Index);
        }

        if (ready.Entries.Count > 0)
        {
            var last = ready.Entries[^1];
            core.Log.StableTo(last.Index, last.Term);
        }

        if (ready.CommittedEntries.Count > 0)
        {
            core.Log.AppliedTo(ready.CommittedEntries[^1].Index);
        }

        foreach (var m in ready.StepsOnAdvance)
        {
            core.Step(m);
        }
    }

    /// <summary>
    /// Whether this Ready's <see cref="RaftCore.Messages"/> may leave before its entries are persisted: only a leader's
    /// (appends, heartbeats, snapshots, read-index answers, TimeoutNow). Nothing a leader sends promises that its own
    /// log is durable, since it counts itself in a quorum only on <see cref="Advance"/> (dissertation §10.2.1; etcd's
    /// server sends a leader's messages before its WAL write the same way). A follower's or candidate's messages all
    /// wait for persistence: the core already holds back those that promise durability (append and vote answers), and
    /// keeping the rest with them keeps the rule for non-leaders simple, at no cost to the write path.
    /// </summary>
    private bool IsEarlySender => core.Role == RaftRole.Leader;

    /// <summary>
    /// Whether the commit index covers entries this Ready is about to persist: a lone voter's (it commits on append,
    /// see <see cref="Ready"/>). Any message may then carry that commit index (a learner's append, a forwarded read's
    /// answer), so none leaves before the entries are durable: a crash before the write would otherwise leave a learner
    /// with an entry committed nowhere. With other voters a commit always rests on persisted copies, so this is false.
    /// </summary>
    private static bool CommitsUnpersisted(HardState hard, Entry[] entries) =>
        entries.Length > 0 && hard.Commit >= entries[0].Index;

    private static IReadOnlyList<Message> View(Message[] messages, int start, int count) =>
        count == messages.Length ? messages : count == 0 ? Array.Empty<Message>() : new ArraySegment<Message>(messages, start, count);

    private void ThrowIfDropped(ProposalDropReason? reason)
    {
        if (reason is { } r)
        {
            throw new ProposalDroppedException(r, core.Lead);
        }
    }
}
