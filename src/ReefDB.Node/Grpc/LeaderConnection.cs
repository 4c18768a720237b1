using Grpc.Net.Client;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc.Wire;

namespace ReefDB.Node.Grpc;

/// <summary>
/// One leader address as a follower sees it: one channel (never closed for being idle), the clients over it, and the
/// <c>Sql.Forward</c> stream that carries forwarded SQL (opened on the first request, reopened on the next request
/// after it breaks). A node that does not serve the stream gets unary <c>Sql.Execute</c> calls from then on.
/// </summary>
internal sealed class LeaderConnection : IDisposable
{
    private readonly Lock streamLock = new();
    private readonly string address;
    private readonly int maxMessageBytes;
    private ForwardStream? stream;
    private volatile bool streamUnsupported;

    public LeaderConnection(string address, int maxMessageBytes)
    {
        this.address = address;
        this.maxMessageBytes = maxMessageBytes;
        Channel = GrpcChannel.ForAddress("http://" + address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = maxMessageBytes,
            MaxSendMessageSize = maxMessageBytes,
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                ConnectTimeout = TimeSpan.FromSeconds(3),
                KeepAlivePingDelay = TimeSpan.FromSeconds(10),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
                // The default closes a connection idle for a minute: the next forwarded write would pay for a new one.
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
        });
        Sql = new Wire.Sql.SqlClient(Channel);
        Admin = new Wire.Admin.AdminClient(Channel);
    }

    public GrpcChannel Channel { get; }

    public Wire.Sql.SqlClient Sql { get; }

    public Wire.Admin.AdminClient Admin { get; }

    /// <summary>True once the node at this address answered the stream with Unimplemented.</summary>
    public bool StreamUnsupported => streamUnsupported;

    /// <summary>Sends a forwarded request over the stream (or unary, to a node without it) and returns the answer.</summary>
    /// <exception cref="GatewayException">Too large to forward, overloaded, or the stream broke.</exception>
    /// <exception cref="global::Grpc.Core.RpcException">The unary call failed (the caller maps it).</exception>
    public async Task<ExecuteResponse> ExecuteAsync(ExecuteRequest request, ulong leaderId, CancellationToken cancellationToken)
    {
        var requestBytes = request.CalculateSize();
        if (ForwardFraming.MaxEntrySize(requestBytes) > maxMessageBytes)
        {
            throw new GatewayException(
                GatewayErrorCode.BodyTooLarge,
                $"the request is {requestBytes} bytes encoded, more than max_grpc_msg_bytes ({maxMessageBytes}) lets this node forward to the " +
                $"leader (node {leaderId}); send it to the leader directly, or in smaller requests",
                leaderId: leaderId);
        }

        if (!streamUnsupported)
        {
            try
            {
                // A stream that closed before taking the request sent nothing: one more try on a fresh stream, not a
                // loop (a leader that refuses every stream at once would make it spin).
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    if (await CurrentStream().SendAsync(request, requestBytes, leaderId, cancellationToken).ConfigureAwait(false) is { } answer)
                    {
                        return answer;
                    }
                }

                throw new GatewayException(
                    GatewayErrorCode.Unavailable, $"the forwarding stream to the leader (node {leaderId} at {address}) keeps closing; retry",
                    retryable: true, leaderId: leaderId);
            }
            catch (ForwardStreamUnsupportedException)
            {
                streamUnsupported = true;
            }
        }

        return await Sql.ExecuteAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (streamLock)
        {
            stream?.Dispose();
        }

        Channel.Dispose();
    }

    private ForwardStream CurrentStream()
    {
        lock (streamLock)
        {
            if (stream is null || stream.IsClosed)
            {
                stream = ForwardStream.Open(Sql, address, maxMessageBytes);
            }

            return stream;
        }
    }
}
