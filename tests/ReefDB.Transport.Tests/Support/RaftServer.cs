using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace ReefDB.Transport.Tests.Support;

/// <summary>
/// A Kestrel host on 127.0.0.1 serving one transport's <c>reefdb.raft.Raft</c> service over h2c, as the node
/// maps it. Shared by the fake-replica nodes and the real three-replica cluster of these tests.
/// </summary>
internal sealed class RaftServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private RaftServer(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    /// <summary>The port bound (read back from Kestrel when started on port 0).</summary>
    public int Port { get; }

    /// <summary>Starts the service for <paramref name="transport"/> on <paramref name="port"/> (0: any free port).</summary>
    public static async Task<RaftServer> StartAsync(GrpcRaftTransport transport, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddReefRaftTransport(transport);
        var app = builder.Build();
        app.MapReefRaftService();
        await app.StartAsync();
        return new RaftServer(app, new Uri(app.Urls.First()).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
