using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ReefDB.Raft;
using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;
using ReefDB.Replication.Internal;
using ReefDB.Replication.Transport;
using ReefDB.StateMachine;
using ReefDB.StateMachine.Snapshots;
using ReefDB.Sql.Errors;

namespace ReefDB.Replication;

/// <summary>
/// Drives one member of a Raft group: a single loop thread ticks the <see cref="RaftNode"/>, steps inbound
/// messages, batches proposals, persists each <see cref="Ready"/> to the <see cref="DurableRaftStorage"/> (one write
/// and one fsync: group commit), sends, applies committed batches to the <see cref="ReefStateMachine"/>, answers
/// reads, and takes snapshots in the background. See OVERVIEW.md next to this file.
/// </summary>
/// <remarks>
/// Every public member is thread-safe. Work is handed to the loop through queues; callers wait on tasks that the
/// loop completes. A proposer that finds the loop idle drives it itself (RaftReplica.Drive.cs). Event handlers run
/// on the thread driving the node (the loop thread, or such a proposer) and must return quickly.
/// </remarks>
public sealed partial class RaftReplica : IDisposable, IAsyncDisposable
{
    private readonly RaftReplicaOptions options;
    private readonly IRaftTransport transport;
    private readonly DurableRaftStorage storage;
    private readonly RaftNode node;
    private readonly ReefStateMachine stateMachine;
    private readonly ILogger logger;
    private readonly TimeProvider clock;
    private readonly Thread loopThread;
    private readonly ManualResetEventSlim wake = new(false);
    private readonly ConcurrentQueue<Message> inbox = new();
    private readonly ConcurrentQueue<PendingProposal> proposals = new();
    private readonly ConcurrentQueue<Action> commands = new();
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ReplicationMeter meter;
    private int pendingProposalCount;
    private volatile bool stopping;
    private volatile Exception? failure;
    private volatile LeaderChange leadership;

    private RaftReplica(
        RaftReplicaOptions options, IRaftTransport transport, DurableRaftStorage storage, ReefStateMachine stateMachine, ILogger logger)
    {
        this.options = options;
        this.transport = transport;
        this.storage = storage;
        this.stateMachine = stateMachine;
        this.logger = logger;
        clock = TimeProvider.System;
        meter = new ReplicationMeter(this);
        var config = new RaftConfig
        {
            Id = options.NodeId,
            ElectionTick = options.ElectionTick,
            HeartbeatTick = options.HeartbeatTick,
            Random = new Random(options.RandomSeed ?? HashCode.Combine(options.NodeId, Environment.TickCount64)),
            Applied = stateMachine.Current.AppliedIndex,
            MaxSizePerMessage = options.MaxSizePerMessage,
            MaxInflightMessages = options.MaxInflightMessages,
            MaxUncommittedEntriesSize = options.MaxUncommittedEntriesSize,
            CheckQuorum = options.CheckQuorum,
            PreVote = options.PreVote,
            ReadOnlyOption = options.ReadOnlyOption,
            CommitOnlyAppends = options.CommitOnlyAppends,
            // A follower answers NotLeaderException with the leader's id; the node forwards or redirects itself.
            DisableProposalForwarding = true,
        };
        node = new RaftNode(config, new ReplicaStorage(storage));
        persistedHardState = storage.HardState;
        leadership = new LeaderChange(0, node.Term, RoleOf(node.Role));
        PublishSnapshot();
        MarkSnapshotTaken(stateMachine.Current.AppliedIndex);
        applier = CreateApplier();
        loopThread = new Thread(RunLoop) { IsBackground = true, Name = $"reefdb-raft-{options.NodeId}" };
    }

    /// <summary>
    /// Opens (or creates) the raft directory of <paramref name="options"/>, recovers (newest valid snapshot restored
    /// into the state machine; committed entries after it are replayed by the loop), and starts the loop. A lone
    /// voter campaigns at once.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="RaftStorageCorruptionException">The directory is damaged (the message names file, offset and
    /// the way out); the node must not start.</exception>
    /// <exception cref="InvalidOperationException">The directory belongs to another cluster or node.</exception>
    /// <exception cref="IOException">Another process holds the directory.</exception>
    public static RaftReplica Open(RaftReplicaOptions options, IRaftTransport transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RaftReplica>();
        var storageOptions = new DurableRaftStorageOptions
        {
            Fsync = options.Fsync,
            SegmentBytes = options.SegmentBytes,
            OnWarning = message => LogMessages.RecoveryWarning(logger, message),
        };
        var storage = DurableRaftStorage.Open(
            options.RaftDirectory,
            new NodeIdentity(options.ClusterId, options.NodeId),
            options.InitialVoters.Count == 0 ? Membership.Empty : new Membership(options.InitialVoters),
            options.ConfigureStorage?.Invoke(storageOptions) ?? storageOptions);
        try
        {
            if (options.Fsync == FsyncPolicy.None)
            {
                LogMessages.FsyncDisabled(logger, options.RaftDirectory);
            }

            var state = RestoreNewestSnapshot(storage);
            var replica = new RaftReplica(options, transport, storage, new ReefStateMachine(state, options.SessionPolicy), logger);
            LogMessages.Opened(logger, options.NodeId, options.RaftDirectory, state.AppliedIndex, storage.LastIndex);
            replica.applier.Start();
            replica.loopThread.Start();
            return replica;
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    /// <summary>This member's id.</summary>
    public ulong NodeId => options.NodeId;

    /// <summary>The state machine; <see cref="ReefStateMachine.Current"/> is the published SQL version (stale reads:
    /// its <see cref="StateMachineState.AppliedIndex"/> says how fresh it is).</summary>
    public ReefStateMachine StateMachine => stateMachine;

    /// <summary>The index of the published state.</summary>
    public ulong AppliedIndex => stateMachine.Current.AppliedIndex;

    /// <summary>The known leader, term and this node's role, as of the last change (cheap; no loop round trip).</summary>
    public LeaderChange Leadership => leadership;

    /// <summary>True while this node believes it leads (may be stale by the time it is read).</summary>
    public bool IsLeader => leadership.Role == ReplicaRole.Leader;

    /// <summary>This replica's instruments (meter <c>ReefDB.Replication</c>, its scope this replica): fsync, apply and
    /// snapshot latencies and snapshot sizes, for an exporter to collect.</summary>
    public System.Diagnostics.Metrics.Meter Meter => meter.Meter;

    /// <summary>Raised on the thread driving the node when the leader or this node's role changes. Handlers must not
    /// block.</summary>
    public event EventHandler<LeaderChange>? LeaderChanged;

    /// <summary>Raised on the thread driving the node when a membership change is applied. Handlers must not
    /// block.</summary>
    public event EventHandler<MembershipChange>? MembershipChanged;

    /// <summary>Completes when the loop has stopped (disposal or a fatal error, see <see cref="Failure"/>).</summary>
    public Task Stopped => stopped.Task;

    /// <summary>The fatal error that stopped the loop (a disk error, a damaged snapshot), or null.</summary>
    public Exception? Failure => failure;

    /// <summary>Delivers a message from a peer (any thread; never blocks). Snapshot messages whose payload travels as
    /// a stream go through <see cref="ReceiveSnapshotAsync"/> instead.</summary>
    public void Receive(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (stopping)
        {
            return;
        }

        inbox.Enqueue(message);
        wake.Set();
    }

    /// <summary>Tells the replica that messages to <paramref name="peer"/> were probably lost (any thread).</summary>
    public void ReportUnreachable(ulong peer) => Post(() => node.ReportUnreachable(peer));

    /// <summary>Tells the replica whether the snapshot sent to <paramref name="peer"/> arrived (any thread).</summary>
    public void ReportSnapshot(ulong peer, bool succeeded) => Post(() => node.ReportSnapshot(peer, succeeded));

    /// <inheritdoc />
    public void Dispose()
    {
        if (stopping && !loopThread.IsAlive)
        {
            return;
        }

        stopping = true;
        wake.Set();
        // Not from the loop thread, nor from a thread driving the node (an event handler): the loop waits for it.
        if (loopThread.IsAlive && Thread.CurrentThread != loopThread && !Monitor.IsEntered(driveGate))
        {
            loopThread.Join();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static StateMachineState RestoreNewestSnapshot(DurableRaftStorage storage)
    {
        if (storage.SnapshotPath is not { } path)
        {
            return StateMachineState.Initial;
        }

        var metadata = storage.SnapshotMetadata;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
        return ReadSnapshot(stream, path, metadata.Index);
    }

    private static StateMachineState ReadSnapshot(Stream stream, string path, ulong index)
    {
        StateMachineState state;
        try
        {
            state = StateMachineSnapshot.Read(stream);
        }
        catch (SqlException e) when (e.SqlState == SqlStates.DataCorrupted)
        {
            throw new RaftStorageCorruptionException(path, stream.CanSeek ? stream.Position : 0, $"the snapshot's contents are invalid ({e.Message})");
        }

        if (state.AppliedIndex != index)
        {
            throw new RaftStorageCorruptionException(path, 0, $"the snapshot holds state at index {state.AppliedIndex}, but the manifest says {index}");
        }

        return state;
    }

    private static ReplicaRole RoleOf(RaftRole role) => role switch
    {
        RaftRole.Leader => ReplicaRole.Leader,
        RaftRole.Candidate or RaftRole.PreCandidate => ReplicaRole.Candidate,
        _ => ReplicaRole.Follower,
    };

    /// <summary>Runs <paramref name="command"/> on the loop thread (tests use it to hold the loop still).</summary>
    internal void RunOnLoop(Action command) => Post(command);

    private void Post(Action command)
    {
        commands.Enqueue(command);
        wake.Set();
    }

    /// <summary>Runs <paramref name="command"/> on the loop and returns its result, or the replica's stop error.</summary>
    private Task<T> Call<T>(Func<T> command)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (StoppedError() is { } error)
        {
            completion.SetException(error);
            return completion.Task;
        }

        Post(() =>
        {
            try
            {
                completion.TrySetResult(command());
            }
            catch (Exception e)
            {
                completion.TrySetException(e);
            }
        });

        // The loop runs what was posted before it exits; anything later is answered here.
        if (loopExited)
        {
            completion.TrySetException(StoppedError() ?? new ReplicaStoppedException());
        }

        return completion.Task;
    }

    private ReplicaStoppedException? StoppedError() =>
        failure is { } f ? new ReplicaStoppedException(f) : stopping ? new ReplicaStoppedException() : null;
}
