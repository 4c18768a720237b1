using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Replication.Internal;

/// <summary>A proposal from the moment <see cref="RaftReplica.ProposeAsync"/> queued it until it is answered.</summary>
/// <remarks>
/// The loop thread owns <see cref="Index"/> and <see cref="Term"/>: they are learnt when the entry shows up in a
/// Ready (matched by the identity of its payload array) and compared with the entry applied at that index: the same
/// term means the same entry (log matching), another term means a new leader replaced it.
/// <para>Answering has two steps. <see cref="TryDecide(AppliedBatch)"/> fixes the outcome at once, on whichever thread
/// applied or refused it (so a driver knows at once that its own proposal is answered); <see cref="Deliver"/> then
/// completes <see cref="Outcome"/>. Unless the replica lets continuations run inline
/// (<see cref="RaftReplicaOptions.InlineAnswers"/>), the task completes its continuations on the thread pool, as it
/// always did; with it, the replica delivers one answer per pass on the driving thread after leaving the drive gate and
/// queues the rest (RaftReplica.Drive.cs).</para>
/// </remarks>
internal sealed class PendingProposal(CommandBatch batch, byte[] payload, bool inlineAnswers)
{
    private readonly TaskCompletionSource<AppliedBatch> completion =
        new(inlineAnswers ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);

    private int state; // 0 queued, 1 handed to Raft, 2 abandoned by the caller before that
    private int decided;
    private AppliedBatch? applied;
    private Exception? error;

    public CommandBatch Batch => batch;

    public byte[] Payload => payload;

    public ulong Index { get; set; }

    public ulong Term { get; set; }

    /// <summary>Completes once the outcome is delivered: the applied batch, or the error that answered it.</summary>
    public Task<AppliedBatch> Outcome => completion.Task;

    /// <summary>Its outcome is fixed, delivered or not yet.</summary>
    public bool IsDecided => Volatile.Read(ref decided) != 0;

    /// <summary>Loop thread: claims the proposal for Raft; false when its caller gave up first.</summary>
    public bool TrySubmit() => Interlocked.CompareExchange(ref state, 1, 0) == 0;

    /// <summary>Caller: gives up; true when Raft never saw it (so nothing can happen).</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref state, 2, 0) == 0;

    /// <summary>Fixes the outcome as applied; false when it was fixed already. <see cref="Deliver"/> must follow.</summary>
    public bool TryDecide(AppliedBatch outcome) => TryDecide(outcome, null);

    /// <summary>Fixes the outcome as failed; false when it was fixed already. <see cref="Deliver"/> must follow.</summary>
    public bool TryDecide(Exception failure) => TryDecide(null, failure);

    /// <summary>Completes <see cref="Outcome"/> with the decided outcome; inline continuations run on this thread.</summary>
    public void Deliver()
    {
        if (error is { } failure)
        {
            completion.TrySetException(failure);
        }
        else
        {
            completion.TrySetResult(applied!);
        }
    }

    private bool TryDecide(AppliedBatch? outcome, Exception? failure)
    {
        if (Interlocked.Exchange(ref decided, 1) != 0)
        {
            return false;
        }

        (applied, error) = (outcome, failure);
        return true;
    }

    /// <summary>Delivers on a thread-pool thread: never runs a caller's continuation on the thread that decided.</summary>
    public void DeliverOnThreadPool() =>
        ThreadPool.UnsafeQueueUserWorkItem(static proposal => proposal.Deliver(), this, preferLocal: false);
}
