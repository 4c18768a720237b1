using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReefDB.Transport.Server;

namespace ReefDB.Transport;

/// <summary>Wiring of the Raft transport into an ASP.NET Core host (the node's gRPC endpoint on <c>rpc_addr</c>).</summary>
/// <remarks>
/// The Kestrel endpoint that serves it must speak HTTP/2 (h2c without TLS: <c>ListenOptions.Protocols =
/// HttpProtocols.Http2</c>). Size limits apply to this service only, so the SQL and admin services keep their own.
/// </remarks>
public static class RaftTransportServiceExtensions
{
    /// <summary>
    /// Registers a <see cref="GrpcRaftTransport"/> singleton built from <paramref name="configure"/> (disposed with the
    /// host) and the <c>reefdb.raft.Raft</c> service with the transport's message size limit.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static IServiceCollection AddReefRaftTransport(this IServiceCollection services, Action<RaftTransportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new RaftTransportOptions();
        configure(options);
        options.Validate();
        services.AddSingleton(sp => new GrpcRaftTransport(options, sp.GetService<ILoggerFactory>()));
        return AddService(services, options);
    }

    /// <summary>Registers an existing transport (owned and disposed by the caller) and the <c>reefdb.raft.Raft</c> service.</summary>
    public static IServiceCollection AddReefRaftTransport(this IServiceCollection services, GrpcRaftTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        services.AddSingleton(transport);
        return AddService(services, transport.Options);
    }

    /// <summary>Maps the <c>reefdb.raft.Raft</c> gRPC service.</summary>
    public static GrpcServiceEndpointConventionBuilder MapReefRaftService(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<RaftGrpcService>();

    private static IServiceCollection AddService(IServiceCollection services, RaftTransportOptions options)
    {
        services.AddGrpc().AddServiceOptions<RaftGrpcService>(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxMessageBytes;
            grpc.MaxSendMessageSize = options.MaxMessageBytes;
            grpc.EnableDetailedErrors = false;
        });
        return services;
    }
}
