using Grpc.Core;
using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

internal sealed partial class ForwardStream
{
    // How long a failed writer waits for the reader to say how the leader ended the stream.
    private static readonly TimeSpan ReaderGrace = TimeSpan.FromSeconds(1);

    // Read from the queue by the writer but left for the next message (it did not fit): never written yet.
    private PendingForward? carried;

    private async Task RunAsync()
    {
        // Not inline on the first caller's thread: opening the call may block briefly on the connection.
        await Task.Yield();
        AsyncDuplexStreamingCall<ForwardRequests, ForwardAnswers>? call = null;
        var writing = Task.CompletedTask;
        var accepted = false;
        var endedCleanly = false;
        var unsupported = false;
        Exception? failure = null;
        try
        {
            call = client.Forward(cancellationToken: stop.Token);
            await AcceptedAsync(call).ConfigureAwait(false);
            accepted = true;
            writing = WriteLoopAsync(call.RequestStream, stop.Token);
            var reading = ReadLoopAsync(call.ResponseStream);
            // The writer only ends by failing (or by the stream's close); the reader ends when the leader ends the stream.
            var first = await Task.WhenAny(reading, writing).ConfigureAwait(false);
            if (first == writing)
            {
                // A write can fail because the leader has just ended the stream cleanly (a request written after it
                // stopped reading): its answer is already here, and the reader decides whether what is unanswered
                // was never read. Otherwise the call is broken and the reader ends at once too; the bound only
                // guards against a reader that would not.
                await Task.WhenAny(reading, Task.Delay(ReaderGrace)).ConfigureAwait(false);
            }

            endedCleanly = reading.IsCompletedSuccessfully;
            if (!endedCleanly)
            {
                await first.ConfigureAwait(false);
            }
        }
        catch (RpcException e) when (!accepted && e.StatusCode == StatusCode.Unimplemented)
        {
            unsupported = true;
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            closed = true;
            queue.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            call?.Dispose();
            try
            {
                await writing.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The stream is closing: a failed last write is the reason, already in hand, or a consequence.
            }

            FailRemaining(unsupported, endedCleanly, failure);
            stop.Dispose();
        }
    }

    /// <summary>Waits for the leader to accept the stream, so that no request is written to a node that cannot serve it.</summary>
    /// <exception cref="RpcException">The leader refused or could not be reached (Unimplemented: an older node).</exception>
    private static async Task AcceptedAsync(AsyncDuplexStreamingCall<ForwardRequests, ForwardAnswers> call)
    {
        var headers = await call.ResponseHeadersAsync.ConfigureAwait(false);
        if (headers.Get(ForwardFraming.ServedHeader) is null)
        {
            // A trailers-only answer: the call is over, and reading gives its status.
            await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false);
            throw new RpcException(new Status(StatusCode.Unavailable, "the node ended the forwarding stream without serving it"));
        }
    }

    private async Task WriteLoopAsync(IClientStreamWriter<ForwardRequests> writer, CancellationToken stopping)
    {
        while (carried is not null || await queue.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
        {
            var message = new ForwardRequests();
            var bytes = 0L;
            if (carried is { } held)
            {
                carried = null;
                Take(message, held, ref bytes);
            }

            while (queue.Reader.TryRead(out var next))
            {
                if (message.Requests.Count > 0 && bytes + next.EntryBytes > maxMessageBytes)
                {
                    carried = next;
                    break;
                }

                Take(message, next, ref bytes);
            }

            if (message.Requests.Count > 0)
            {
                await writer.WriteAsync(message, stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Adds <paramref name="pending"/> to <paramref name="message"/> unless its caller gave up, and makes it
    /// answerable before the write: the answer may arrive before the write returns.</summary>
    private void Take(ForwardRequests message, PendingForward pending, ref long bytes)
    {
        if (pending.IsDone)
        {
            return;
        }

        pending.MarkWritten();
        awaiting[pending.Id] = pending;
        message.Requests.Add(new ForwardedRequest { Id = pending.Id, Request = pending.Request });
        bytes += pending.EntryBytes;
    }

    private async Task ReadLoopAsync(IAsyncStreamReader<ForwardAnswers> reader)
    {
        while (await reader.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            var answers = reader.Current.Answers;
            for (var i = 0; i < answers.Count; i++)
            {
                if (awaiting.TryRemove(answers[i].Id, out var pending))
                {
                    // The last caller is served on this thread: the next message is not read before it is answered
                    // anyway (one caller's continuation is short: map the answer, hand the response to Kestrel).
                    pending.Answered(answers[i].Response ?? new ExecuteResponse(), inline: i == answers.Count - 1);
                }
            }
        }
    }

    /// <summary>Fails every request still in hand once the stream is closed (the writer has stopped): see the type's remarks.</summary>
    private void FailRemaining(bool unsupported, bool endedCleanly, Exception? failure)
    {
        var why = failure switch
        {
            null => "the leader ended the stream",
            RpcException rpc => $"{rpc.StatusCode} {rpc.Status.Detail}",
            OperationCanceledException => "the node is stopping",
            _ => failure.Message,
        };
        var unwritten = new List<PendingForward>();
        if (carried is { } held)
        {
            unwritten.Add(held);
        }

        while (queue.Reader.TryRead(out var queued))
        {
            unwritten.Add(queued);
        }

        foreach (var pending in unwritten)
        {
            pending.Fail(unsupported ? new ForwardStreamUnsupportedException(address) : NotSent(pending, why));
        }

        foreach (var id in awaiting.Keys)
        {
            if (awaiting.TryRemove(id, out var pending))
            {
                pending.Fail(unsupported ? new ForwardStreamUnsupportedException(address)
                    : endedCleanly ? NeverRead(pending)
                    : Unknown(pending, why, failure));
            }
        }
    }
}
