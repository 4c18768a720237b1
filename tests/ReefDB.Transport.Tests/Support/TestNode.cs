using System.Net;
using System.Net.Sockets;
using ReefDB.Raft.Messages;

namespace ReefDB.Transport.Tests.Support;

/// <summary>A transport with its gRPC server on 127.0.0.1 (port chosen at run time) and a fake replica.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private RaftServer? server;

    private TestNode(GrpcRaftTransport transport, FakeEndpoint endpoint)
    {
        Transport = transport;
        Endpoint = endpoint;
    }

    public GrpcRaftTransport Transport { get; }

    public FakeEndpoint Endpoint { get; }

    public ulong Id => Transport.Options.NodeId;

    public int Port { get; private set; }

    public string Address => $"127.0.0.1:{Port}";

    public static async Task<TestNode> StartAsync(
        ulong id, string clusterId = "test-cluster", Action<RaftTransportOptions>? configure = null, int port = 0, bool attach = true)
    {
        var options = FastOptions(id, clusterId);
        configure?.Invoke(options);
        var transport = new GrpcRaftTransport(options);
        var endpoint = new FakeEndpoint(id, clusterId);
        if (attach)
        {
            transport.Attach(endpoint);
        }
        var node = new TestNode(transport, endpoint);
        await node.StartServerAsync(port);
        return node;
    }

    /// <summary>Options with short reconnection delays, so tests see recovery quickly.</summary>
    public static RaftTransportOptions FastOptions(ulong id, string clusterId = "test-cluster") => new()
    {
        ClusterId = clusterId,
        NodeId = id,
        ReconnectBackoffMin = TimeSpan.FromMilliseconds(20),
        ReconnectBackoffMax = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Starts the server (again) on <paramref name="port"/> (0: any free port).</summary>
    public async Task StartServerAsync(int port = 0)
    {
        server = await RaftServer.StartAsync(Transport, port);
        Port = server.Port;
    }

    public async Task StopServerAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    /// <summary>A port nobody listens on (bound, read back and released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static Message Heartbeat(ulong from, ulong to, ulong commit) =>
        new() { Type = MessageType.Heartbeat, From = from, To = to, Term = 1, Commit = commit };

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        await Transport.DisposeAsync();
    }
}
