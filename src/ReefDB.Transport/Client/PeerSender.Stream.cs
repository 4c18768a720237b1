using System.Runtime.ExceptionServices;
using Grpc.Core;
using ReefDB.Transport.Wire;
using W = ReefDB.Transport.Protos;

namespace ReefDB.Transport.Client;

/// <summary>The hot path: batches from the queue onto one bidirectional stream, bounded by unacknowledged messages.</summary>
internal sealed partial class PeerSender
{
    // Room for the batch envelope (cluster id, ids, sequence) and each message's field tag and length prefix.
    private const int EnvelopeBytes = 512;
    private const int PerMessageFraming = 6;

    /// <summary>Runs one stream until it fails; returns only by exception (or when the queue is closed). Only some
    /// batches ask for an acknowledgement (<see cref="InflightWindow"/>).</summary>
    private async Task StreamAsync(Backoff backoff, CancellationToken token)
    {
        using var callCancel = CancellationTokenSource.CreateLinkedTokenSource(token);
        using var call = client.StepStream(cancellationToken: callCancel.Token);
        using var inflight = new InflightWindow(options.MaxInflightMessages);
        var acks = ReadAcksAsync(call.ResponseStream, inflight, backoff, callCancel);
        Func<ulong, Task> sendProbe = probe => WriteAsync(call, NewBatch(probe), callCancel.Token);
        try
        {
            W.RaftMessage? carry = null;
            while (true)
            {
                if (carry is null && !await queue.Reader.WaitToReadAsync(callCancel.Token).ConfigureAwait(false))
                {
                    await call.RequestStream.CompleteAsync().ConfigureAwait(false);
                    return;
                }

                var batch = NewBatch(0);
                carry = FillBatch(batch, carry);
                if (batch.Messages.Count == 0)
                {
                    continue;
                }

                var (sequence, requestAck) = await inflight.ReserveAsync(batch.Messages.Count, options.AckTimeout, sendProbe, callCancel.Token)
                    .ConfigureAwait(false);
                if (sequence == 0)
                {
                    throw new TimeoutException(
                        $"node {PeerId} acknowledged nothing of {inflight.Messages} messages in flight for {options.AckTimeout.TotalSeconds:F0} s");
                }

                batch.Sequence = sequence;
                batch.AckDeferred = !requestAck;

                await WriteAsync(call, batch, callCancel.Token).ConfigureAwait(false);
                Counters.AddSent(batch.Messages.Count);
            }
        }
        catch (Exception) when (callCancel.IsCancellationRequested && !token.IsCancellationRequested)
        {
            // The acknowledgements ended first: the peer closed or broke the stream, and its status says why
            // better than the cancelled write does.
            Exception? ackError = null;
            try
            {
                await acks.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                ackError = e;
            }

            if (ackError is not null)
            {
                ExceptionDispatchInfo.Throw(ackError);
            }

            throw new RpcException(new Status(StatusCode.Unavailable, "the peer closed the Raft stream"));
        }
        finally
        {
            await callCancel.CancelAsync().ConfigureAwait(false);
            try
            {
                await acks.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Observed here so it is never unobserved; the failure itself is reported by the caller.
            }
        }
    }

    /// <summary>A batch to this peer; <paramref name="sequence"/> 0 is set once the window numbers it. An empty one
    /// is a probe that asks for an acknowledgement.</summary>
    private W.MessageBatch NewBatch(ulong sequence) =>
        new() { ClusterId = options.ClusterId, From = options.NodeId, To = PeerId, Sequence = sequence };

    private Task WriteAsync(AsyncDuplexStreamingCall<W.MessageBatch, W.BatchAck> call, W.MessageBatch batch, CancellationToken token) =>
        call.RequestStream.WriteAsync(batch, token).WaitAsync(options.AckTimeout, token);

    /// <summary>
    /// Moves queued messages into <paramref name="batch"/> until it is full by count or size. Returns the encoded
    /// message that did not fit, to open the next batch. A message that could never fit is dropped and counted.
    /// </summary>
    private W.RaftMessage? FillBatch(W.MessageBatch batch, W.RaftMessage? carry)
    {
        var budget = options.MaxMessageBytes - EnvelopeBytes;
        var used = 0;
        while (batch.Messages.Count < options.MaxBatchMessages)
        {
            W.RaftMessage wire;
            if (carry is not null)
            {
                wire = carry;
                carry = null;
            }
            else if (queue.Reader.TryRead(out var message))
            {
                wire = MessageCodec.Encode(message);
            }
            else
            {
                break;
            }

            var size = wire.CalculateSize() + PerMessageFraming;
            if (size > budget)
            {
                Counters.AddDropped(1);
                LogOversized(logger, PeerId, size, options.MaxMessageBytes, MessageCodec.Decode(wire).ToString());
                continue;
            }

            if (used + size > budget)
            {
                return wire;
            }

            batch.Messages.Add(wire);
            used += size;
        }

        return null;
    }

    private async Task ReadAcksAsync(
        IAsyncStreamReader<W.BatchAck> acks, InflightWindow inflight, Backoff backoff, CancellationTokenSource callCancel)
    {
        try
        {
            while (await acks.MoveNext(callCancel.Token).ConfigureAwait(false))
            {
                if (!Counters.Connected)
                {
                    Counters.Connected = true;
                    if (backoff.Failures > 0)
                    {
                        LogRecovered(logger, PeerId, Address, backoff.Failures);
                    }

                    backoff.Reset();
                }

                inflight.Acknowledge(acks.Current.Sequence);
            }
        }
        finally
        {
            // Whatever ended the acknowledgements ends the stream: the writer must stop and reconnect.
            await callCancel.CancelAsync().ConfigureAwait(false);
        }
    }
}
