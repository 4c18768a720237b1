using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

/// <summary>
/// One request a follower handed to a <see cref="ForwardStream"/>: queued, then written, then answered, failed or
/// abandoned by its caller. Whether it was written decides how a broken stream fails it (never sent: retryable;
/// sent: outcome unknown).
/// </summary>
internal sealed class PendingForward(ulong id, ExecuteRequest request, int entryBytes, ulong leaderId)
{
    // Continuations run inline only where Answered is asked to (the last answer of a message: the stream's reader serves
    // that caller before it reads on, one thread-pool hop fewer per message, and for a lone write on its way back to the
    // client); every other completion hands them to the thread pool, as RunContinuationsAsynchronously would, since the
    // reader completes many callers per message and failures complete them all at once.
    private readonly TaskCompletionSource<ExecuteResponse> answer = new();

    // Set when the outcome is decided, before the completion (which may be queued) runs: a request cancelled before it
    // was written is skipped by the writer at once.
    private int done;
    private volatile bool written;

    public ulong Id { get; } = id;

    public ExecuteRequest Request { get; } = request;

    /// <summary>The leader it was sent to, for the error a failure reports.</summary>
    public ulong LeaderId { get; } = leaderId;

    /// <summary>What this request adds to a <see cref="ForwardRequests"/> message.</summary>
    public int EntryBytes { get; } = entryBytes;

    /// <summary>Set by the writer before the message holding it is written (so a failed write counts as sent).</summary>
    public bool Written => written;

    /// <summary>Answered, failed or cancelled: a request the writer has not written yet is then skipped.</summary>
    public bool IsDone => Volatile.Read(ref done) != 0;

    public Task<ExecuteResponse> Answer => answer.Task;

    public void MarkWritten() => written = true;

    /// <summary>Completes the caller with the leader's answer; with <paramref name="inline"/> its continuation runs on
    /// this thread before the call returns.</summary>
    public void Answered(ExecuteResponse response, bool inline)
    {
        if (!Decide())
        {
            return;
        }

        if (inline)
        {
            answer.SetResult(response);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Pending.answer.SetResult(s.Response), (Pending: this, Response: response), preferLocal: false);
        }
    }

    public void Fail(Exception error)
    {
        if (Decide())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Pending.answer.SetException(s.Error), (Pending: this, Error: error), preferLocal: false);
        }
    }

    public void Cancel(CancellationToken cancellationToken)
    {
        if (Decide())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Pending.answer.SetCanceled(s.Token), (Pending: this, Token: cancellationToken), preferLocal: false);
        }
    }

    private bool Decide() => Interlocked.Exchange(ref done, 1) == 0;
}
