using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

/// <summary>
/// One request a follower handed to a <see cref="ForwardStream"/>: queued, then written, then answered, failed or
/// abandoned by its caller. Whether it was written decides how a broken stream fails it (never sent: retryable;
/// sent: outcome unknown).
/// </summary>
internal sealed class PendingForward(ulong id, ExecuteRequest request, int entryBytes, ulong leaderId)
{
    // Continuations run on the thread pool: the stream's reader completes many callers per message and must not run
    // each caller's remaining work inline.
    private readonly TaskCompletionSource<ExecuteResponse> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
    public bool IsDone => answer.Task.IsCompleted;

    public Task<ExecuteResponse> Answer => answer.Task;

    public void MarkWritten() => written = true;

    public void Answered(ExecuteResponse response) => answer.TrySetResult(response);

    public void Fail(Exception error) => answer.TrySetException(error);

    public void Cancel(CancellationToken cancellationToken) => answer.TrySetCanceled(cancellationToken);
}
