using ReefDB.Raft.Configuration;
using ReefDB.Raft.Log;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Reads;
using ReefDB.Raft.Storage;
using ReefDB.Raft.Tracker;

namespace ReefDB.Raft.Core;

/// <summary>
/// The Raft algorithm proper (etcd-io/raft's <c>raft.go</c>): roles, terms, votes, replication, membership and
/// reads. Pure and single-threaded: it only changes its fields and queues messages; <see cref="RaftNode"/> turns
/// that into <see cref="Ready"/>s.
/// </summary>
/// <remarks>This file holds the state and role transitions; the other aspects live in RaftCore.*.cs.</remarks>
internal sealed partial class RaftCore
{
    private readonly RaftConfig config;
    private readonly Random random;
    private readonly int electionTimeout;
    private readonly int heartbeatTimeout;
    private int electionElapsed;
    private int heartbeatElapsed;
    private int randomizedElectionTimeout;
    private ReadOnlyQueue readOnly = new();

    /// <summary>True once this leader sent TimeoutNow in its term: its lease no longer protects reads.</summary>
    private bool leaseRevoked;

    /// <summary>See <see cref="CommitBroadcastDue"/> (RaftCore.Leader.cs).</summary>
    private bool commitBroadcastDue;
    private readonly List<(Message Request, ReadOnlyOption Option)> pendingReadIndexMessages = [];

    public RaftCore(RaftConfig config, IRaftStorage storage)
    {
        config.Validate();
        this.config = config;
        random = config.Random!;
        Id = config.Id;
        electionTimeout = config.ElectionTick;
        heartbeatTimeout = config.HeartbeatTick;
        Log = new RaftLog(storage, config.MaxCommittedSizePerReady);
        Tracker = new ProgressTracker(config.MaxInflightMessages, config.MaxInflightBytes);

        var initial = storage.InitialState();
        Configs = new ConfigHistory(Log.FirstIndex - 1, initial.Membership);
        ReplayStoredConfChanges(storage);
        Tracker.SetMembership(Configs.Current, Log.LastIndex + 1);
        Log.AfterAppend = OnEntriesAppended;

        var hard = initial.HardState;
        if (!hard.IsEmpty)
        {
            if (hard.Commit < Log.Committed || hard.Commit > Log.LastIndex)
            {
                throw new InvalidOperationException(
                    $"Persisted commit {hard.Commit} is outside the log [{Log.Committed}, {Log.LastIndex}].");
            }

            Log.CommitTo(hard.Commit);
            Term = hard.Term;
            Vote = hard.Vote;
        }

        // A node that has a term may have acknowledged a leader's lease before it restarted (see InFollowerLease);
        // a brand-new node has not.
        leaderContactTick = hard.IsEmpty ? -electionTimeout : 0;

        if (config.Applied > 0)
        {
            if (config.Applied > Log.Committed || config.Applied < Log.FirstIndex - 1)
            {
                throw new ArgumentException(
                    $"RaftConfig.Applied ({config.Applied}) must lie between the snapshot index ({Log.FirstIndex - 1}) and the persisted commit index ({Log.Committed}): the state machine cannot hold entries that are not known committed.");
            }

            Log.AppliedTo(config.Applied);
        }

        BecomeFollower(Term, 0);
    }

    public ulong Id { get; }

    public ulong Term { get; private set; }

    /// <summary>Whom this node voted for in <see cref="Term"/> (0: nobody).</summary>
    public ulong Vote { get; private set; }

    public RaftRole Role { get; private set; }

    /// <summary>The leader of <see cref="Term"/> as far as this node knows (0: unknown).</summary>
    public ulong Lead { get; private set; }

    /// <summary>On a leader: the node leadership is being handed to (0: none).</summary>
    public ulong LeadTransferee { get; private set; }

    public RaftLog Log { get; }

    public ProgressTracker Tracker { get; }

    public ConfigHistory Configs { get; }

    /// <summary>
    /// On a leader: the index of the latest conf change it appended (or its last index when it took office). A new
    /// conf change is refused until this is committed.
    /// </summary>
    public ulong PendingConfIndex { get; private set; }

    /// <summary>On a leader: payload bytes appended but not yet handed out as committed.</summary>
    public ulong UncommittedSize { get; private set; }

    public List<ReadState> ReadStates { get; } = [];

    /// <summary>Messages that may be sent at once.</summary>
    public List<Message> Messages { get; } = [];

    /// <summary>Messages that promise durability (append and vote answers, self-acknowledgements): released only
    /// together with the entries and hard state they depend on.</summary>
    public List<Message> MessagesAfterAppend { get; } = [];

    public RaftConfig Config => config;

    /// <summary>A node may campaign when it is a voter and is not in the middle of installing a snapshot.</summary>
    public bool Promotable => Tracker.Membership.IsVoter(Id) && Log.Unstable.Snapshot is null;

    public HardState HardState => new(Term, Vote, Log.Committed);

    public SoftState SoftState => new(Lead, Role);

    public void BecomeFollower(ulong term, ulong lead)
    {
        Reset(term);
        Lead = lead;
        Role = RaftRole.Follower;
    }

    public void BecomeCandidate()
    {
        if (Role == RaftRole.Leader)
        {
            throw new InvalidOperationException("Invalid transition: leader to candidate.");
        }

        Reset(Term + 1);
        Vote = Id;
        Role = RaftRole.Candidate;
    }

    /// <summary>Pre-candidates change neither term nor vote: a failed pre-vote leaves no trace.</summary>
    public void BecomePreCandidate()
    {
        if (Role == RaftRole.Leader)
        {
            throw new InvalidOperationException("Invalid transition: leader to pre-candidate.");
        }

        Tracker.ResetVotes();
        Lead = 0;
        Role = RaftRole.PreCandidate;
    }

    public void BecomeLeader()
    {
        if (Role == RaftRole.Follower)
        {
            throw new InvalidOperationException("Invalid transition: follower to leader.");
        }

        Reset(Term);
        Lead = Id;
        leaseRevoked = false;
        Role = RaftRole.Leader;
        var self = Tracker.Get(Id);
        if (self is not null)
        {
            // The leader's own log matches itself; it streams nothing to itself.
            self.BecomeReplicate();
            self.RecentActive = true;
        }

        // Conf changes wait until everything from earlier terms (which may hold an unseen conf change) commits.
        PendingConfIndex = Log.LastIndex;

        // §5.4.2 / §8: an empty entry of the new term lets the leader commit (and learn what is committed).
        AppendEntries([new Entry(0, 0, EntryType.Normal, ReadOnlyMemory<byte>.Empty)], enforceLimit: false);
    }

    private void Reset(ulong term)
    {
        if (Term != term)
        {
            Term = term;
            Vote = 0;
        }

        Lead = 0;
        electionElapsed = 0;
        heartbeatElapsed = 0;
        ResetRandomizedElectionTimeout();
        AbortLeaderTransfer();
        Tracker.ResetVotes();
        var last = Log.LastIndex;
        foreach (var progress in Tracker.Progresses)
        {
            progress.Reset(last + 1, 0);
        }

        Tracker.Get(Id)?.Reset(last + 1, last);
        PendingConfIndex = 0;
        UncommittedSize = 0;
        readOnly = new ReadOnlyQueue();
        pendingReadIndexMessages.Clear();
        leaseAcks.Clear();
        commitBroadcastDue = false;
    }

    private void ResetRandomizedElectionTimeout() =>
        randomizedElectionTimeout = electionTimeout + random.Next(electionTimeout);

    private void AbortLeaderTransfer() => LeadTransferee = 0;

    private bool CommittedEntryInCurrentTerm => Log.TermOrZero(Log.Committed) == Term;

    private void ReplayStoredConfChanges(IRaftStorage storage)
    {
        var next = storage.FirstIndex;
        var last = storage.LastIndex;
        while (next <= last)
        {
            var batch = storage.Entries(next, last + 1, 64UL * 1024 * 1024);
            foreach (var entry in batch)
            {
                if (entry.Type == EntryType.ConfChange)
                {
                    Configs.Push(entry.Index, ConfChangeCodec.Decode(entry.Data.Span).Result);
                }
            }

            next += (ulong)batch.Count;
        }
    }
}
