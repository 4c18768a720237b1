using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReefDB.Node.Grpc;
using ReefDB.Node.Http;

namespace ReefDB.Node.Hosting;

/// <summary>
/// The one Kestrel host of a node: HTTP/1.1 JSON on <c>http_addr</c>, gRPC (HTTP/2 without TLS) on
/// <c>rpc_addr</c>, with the Microsoft.Extensions.Hosting lifetime (Ctrl-C and SIGTERM stop it cleanly).
/// </summary>
internal static class NodeHost
{
    /// <param name="node">The node's shared services.</param>
    /// <param name="addServices">Registers more services (the Raft transport).</param>
    /// <param name="mapEndpoints">Maps more endpoints (the <c>reefdb.raft.Raft</c> service).</param>
    public static WebApplication Build(
        NodeServices node,
        Action<IServiceCollection>? addServices = null,
        Action<WebApplication>? mapEndpoints = null)
    {
        var options = node.Options;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "reefdb",
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        NodeLogging.Configure(builder.Logging, options);
        // Kestrel hands each socket read to another thread-pool item before parsing it, and each response's bytes to
        // another before sending them: two thread wake-ups per message on top of the socket's own, and a replicated write
        // crosses Kestrel four times (the client's request, the follower's append, the leader's append response, the
        // answer). Inline, the parsing and sending run on the thread that already holds the data. The "unsafe" part is
        // that HTTP/1.1 handlers then run on that thread too: it is a thread-pool thread (inline socket completions are
        // not enabled), so a handler that blocks in an fsync blocks no more than it does today. HTTP/2 (gRPC) handlers
        // still run on their own work item.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Bodies are limited by the endpoints themselves (RequestBody), so a 413 can be answered cleanly; gRPC has its own limits.
            kestrel.Limits.MaxRequestBodySize = null;
            ListenAddress.Bind(kestrel, options.HttpAddr, HttpProtocols.Http1);
            ListenAddress.Bind(kestrel, options.RpcAddr, HttpProtocols.Http2);
        });
        builder.Services.AddSingleton(node);
        builder.Services.AddSingleton(node.Gateway);
        builder.Services.AddSingleton(node.Limits);
        // One instance for every call: without a registration, gRPC builds the service for each call from the
        // request's services (a lookup that misses, then a factory resolving four singletons, and the object itself).
        builder.Services.AddSingleton<SqlGrpcService>();
        builder.Services.AddGrpc().AddServiceOptions<SqlGrpcService>(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxGrpcMsgBytes;
            grpc.MaxSendMessageSize = options.MaxGrpcMsgBytes;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        addServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGrpcService<SqlGrpcService>();
        app.MapGrpcService<AdminGrpcService>();
        mapEndpoints?.Invoke(app);
        HttpApi.Map(app, node);
        return app;
    }
}
