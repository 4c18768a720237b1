using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using ReefDB.Node.Admin;
using ReefDB.Node.Configuration;
using ReefDB.Node.Gateway;
using ReefDB.Node.Hosting;
using ReefDB.Node.Membership;
using ReefDB.Node.Observability;

namespace ReefDB.Node.Tests.Support;

/// <summary>The node's Kestrel host over a <see cref="FakeReplica"/>, on loopback ports chosen at run time.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestNode(WebApplication app, FakeReplica replica, NodeOptions options, HttpClient http)
    {
        this.app = app;
        Replica = replica;
        Options = options;
        Http = http;
    }

    public FakeReplica Replica { get; }

    public NodeOptions Options { get; }

    public HttpClient Http { get; }

    /// <summary>The host's services (its logger factory, say).</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<TestNode> StartAsync(
        FakeReplica? replica = null,
        Func<NodeOptions, NodeOptions>? configure = null,
        ILeaderForwarder? forwarder = null,
        IEnumerable<MemberAddress>? members = null,
        IAdminForwarder? adminForwarder = null,
        Action<WebApplication>? mapEndpoints = null)
    {
        replica ??= new FakeReplica();
        var options = new NodeOptions
        {
            NodeId = replica.NodeId,
            HttpAddr = $"127.0.0.1:{Ports.Free()}",
            RpcAddr = $"127.0.0.1:{Ports.Free()}",
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        };
        options = configure?.Invoke(options) ?? options;
        var directory = new MemberDirectory(members ?? [new MemberAddress(replica.NodeId, options.RpcAddr, options.HttpAddr)]);
        var metrics = new NodeMetrics(replica.GetStatusAsync);
        var node = new NodeServices(
            options,
            replica,
            new SqlGateway(replica, forwarder ?? new NoForwarder(), options.ReadConsistency, TimeProvider.System, metrics, options.MaxResultBytes),
            directory,
            new RequestLimits(TimeSpan.FromMilliseconds(options.RequestTimeoutMs)),
            metrics,
            new Readiness(),
            replica,
            adminForwarder);
        var app = NodeHost.Build(node, mapEndpoints: mapEndpoints);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://{options.HttpAddr}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new TestNode(app, replica, options, http);
    }

    public async Task<(int Status, JsonElement Body)> PostSqlAsync(string json, string query = "")
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("/v1/sql" + query, content, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private sealed class NoForwarder : ILeaderForwarder
    {
        public Task<SqlResult> ForwardAsync(ulong leaderId, SqlRequest request, CancellationToken cancellationToken) =>
            throw new GatewayException(GatewayErrorCode.Unavailable, "no forwarding in this test", retryable: true, leaderId: leaderId);
    }
}
