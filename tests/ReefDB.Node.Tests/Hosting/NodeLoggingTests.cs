using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReefDB.Node.Hosting;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Hosting;

/// <summary>What a node logs, and what its logging costs each request.</summary>
public sealed class NodeLoggingTests
{
    [Fact]
    public async Task Requests_run_without_a_per_request_activity_or_logging_scope()
    {
        await using var node = await TestNode.StartAsync(mapEndpoints: app => app.MapGet(
            "/test/context", (HttpContext http) => Results.Text(
                $"activity={Activity.Current is not null},feature={http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpActivityFeature>() is not null}")));

        using var response = await node.Http.GetAsync("/test/context", TestContext.Current.CancellationToken);

        Assert.Equal("activity=False,feature=False", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Hosting_request_lines_are_off_while_server_warnings_and_the_nodes_own_events_stay()
    {
        await using var node = await TestNode.StartAsync();
        var loggers = node.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger(NodeLogging.HostingDiagnosticsCategory).IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("ReefDB.Replication.RaftReplica").IsEnabled(LogLevel.Warning));
    }
}
