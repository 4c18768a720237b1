using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.Replication.Internal;

/// <summary>A proposal from the moment <see cref="RaftReplica.ProposeAsync"/> queued it until it is answered.</summary>
/// <remarks>
/// The loop thread owns <see cref="Index"/> and <see cref="Term"/>: they are learnt when the entry shows up in a
/// Ready (matched by the identity of its payload array) and compared with the entry applied at that index: the same
/// term means the same entry (log matching), another term means a new leader replaced it.
/// </remarks>
internal sealed class PendingProposal(CommandBatch batch, byte[] payload)
{
    private int state; // 0 queued, 1 handed to Raft, 2 abandoned by the caller before that

    public CommandBatch Batch => batch;

    public byte[] Payload => payload;

    public ulong Index { get; set; }

    public ulong Term { get; set; }

    public TaskCompletionSource<AppliedBatch> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Loop thread: claims the proposal for Raft; false when its caller gave up first.</summary>
    public bool TrySubmit() => Interlocked.CompareExchange(ref state, 1, 0) == 0;

    /// <summary>Caller: gives up; true when Raft never saw it (so nothing can happen).</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref state, 2, 0) == 0;
}
