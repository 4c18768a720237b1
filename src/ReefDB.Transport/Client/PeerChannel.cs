using Grpc.Net.Client;

namespace ReefDB.Transport.Client;

/// <summary>Builds the one long-lived HTTP/2 channel kept per peer.</summary>
internal static class PeerChannel
{
    /// <summary>
    /// A channel to <paramref name="address"/> (<c>http://host:port</c> speaks h2c; <c>https://</c> later, with TLS).
    /// A bare <c>host:port</c> is taken as h2c.
    /// </summary>
    public static GrpcChannel Create(string address, RaftTransportOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            EnableMultipleHttp2Connections = true,
        };
        return GrpcChannel.ForAddress(NormalizeAddress(address), new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxSendMessageSize = options.MaxMessageBytes,
            MaxReceiveMessageSize = options.MaxMessageBytes,
            // Raft retransmits by itself; a gRPC-level retry would only resend stale messages.
            MaxRetryAttempts = 0,
        });
    }

    /// <summary>Adds the scheme when missing: peers are configured as <c>host:port</c>.</summary>
    public static string NormalizeAddress(string address) =>
        address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
}
