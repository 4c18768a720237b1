using System.Threading.Channels;
using Grpc.Core;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

/// <summary>
/// The leader's end of one follower's <c>Sql.Forward</c> stream. Each request read is started at once through the
/// gateway, as a forwarded unary <c>Execute</c> would be (served here or failed, never forwarded again; the same
/// timeout and error mapping); one writer coalesces the answers completed meanwhile into one message per write.
/// </summary>
/// <remarks>
/// Requests are started on the reading thread, in the order the follower wrote them: the synchronous part of a
/// write (prepare, stamp, hand to Raft) is short, and a new work item per request is what the stream saves. A read's
/// statements can run long, so the gateway runs a forwarded read's statements off this thread.
/// When the node stops it reads no more, answers what it read, and ends the stream with OK: the follower then knows
/// that a request still unanswered was never read (so never executed) and may be retried as is. When the follower
/// goes away, the requests in flight are cancelled, as a unary call's would be.
/// </remarks>
internal sealed class ForwardStreamServer(Func<ExecuteRequest, CancellationToken, Task<ExecuteResponse>> serve, ulong nodeId, int maxMessageBytes)
{
    // Synchronous continuations: an answer completed while the writer waits for work is written on the completing
    // thread (no thread-pool hop to the writer task for a lone answer); while a write is in flight, answers queue and
    // go together in the next message.
    private readonly Channel<ForwardedAnswer> answers = Channel.CreateUnbounded<ForwardedAnswer>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });

    // Requests started and not yet answered, plus one for the reading loop itself: whoever brings it to zero
    // completes the answers, so the writer ends after the last answer once reading has stopped.
    private int unfinished = 1;

    public async Task RunAsync(
        IAsyncStreamReader<ForwardRequests> requests, IServerStreamWriter<ForwardAnswers> responses, CancellationToken aborted, CancellationToken stopping)
    {
        var writing = WriteAnswersAsync(responses, aborted);
        try
        {
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
            while (await requests.MoveNext(reading.Token).ConfigureAwait(false))
            {
                foreach (var forwarded in requests.Current.Requests)
                {
                    Interlocked.Increment(ref unfinished);
                    _ = AnswerAsync(forwarded.Id, forwarded.Request ?? new ExecuteRequest(), aborted);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            // The node is stopping: what was read is answered below, then the stream ends with OK.
        }
        finally
        {
            Release();
        }

        await writing.ConfigureAwait(false);
    }

    private async Task AnswerAsync(ulong id, ExecuteRequest request, CancellationToken aborted)
    {
        try
        {
            var response = await serve(request, aborted).ConfigureAwait(false);
            answers.Writer.TryWrite(new ForwardedAnswer { Id = id, Response = response });
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The follower is gone: nobody to answer.
        }
        catch (Exception e)
        {
            // A unary call would end with status Unknown, which the follower reports as outcome unknown.
            answers.Writer.TryWrite(new ForwardedAnswer { Id = id, Response = Failure(GatewayErrorCode.OutcomeUnknown, $"the leader failed: {e.Message}") });
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref unfinished) == 0)
        {
            answers.Writer.TryComplete();
        }
    }

    private async Task WriteAnswersAsync(IServerStreamWriter<ForwardAnswers> responses, CancellationToken aborted)
    {
        (ForwardedAnswer Answer, int Bytes)? carried = null;
        try
        {
            while (carried is not null || await answers.Reader.WaitToReadAsync(aborted).ConfigureAwait(false))
            {
                var message = new ForwardAnswers();
                var bytes = 0L;
                if (carried is { } held)
                {
                    carried = null;
                    message.Answers.Add(held.Answer);
                    bytes += held.Bytes;
                }

                while (answers.Reader.TryRead(out var answer))
                {
                    var sized = Sized(answer);
                    if (message.Answers.Count > 0 && bytes + sized.Bytes > maxMessageBytes)
                    {
                        carried = sized;
                        break;
                    }

                    message.Answers.Add(sized.Answer);
                    bytes += sized.Bytes;
                }

                if (message.Answers.Count > 0)
                {
                    await responses.WriteAsync(message, aborted).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The follower went away (or the call ended): the answers have nowhere to go, and its requests are cancelled.
        }
    }

    /// <summary>An answer with its size in a message; one too large to send at all is replaced by an error, as a unary
    /// call's oversized response fails (what it did is unknown to the follower).</summary>
    private (ForwardedAnswer Answer, int Bytes) Sized(ForwardedAnswer answer)
    {
        var bytes = ForwardFraming.EntrySize(answer.Id, answer.Response.CalculateSize());
        if (bytes <= maxMessageBytes)
        {
            return (answer, bytes);
        }

        var replaced = new ForwardedAnswer
        {
            Id = answer.Id,
            Response = Failure(
                GatewayErrorCode.OutcomeUnknown,
                $"the answer is {bytes} bytes, more than max_grpc_msg_bytes ({maxMessageBytes}) lets the leader send; a write may or may not " +
                "have been applied (retrying with the same client_id and seq is safe); read less at once"),
        };
        return (replaced, ForwardFraming.EntrySize(replaced.Id, replaced.Response.CalculateSize()));
    }

    private ExecuteResponse Failure(string code, string message) =>
        WireMapping.ToWire(new GatewayException(code, message, leaderId: nodeId), nodeId);
}
