using System.Globalization;
using System.Security.Cryptography;
using Grpc.Net.Client;
using ReefDB.Node.Grpc.Wire;
using ReefDB.StateMachine.Encoding;
using AdminService = ReefDB.Node.Grpc.Wire.Admin;
using SqlService = ReefDB.Node.Grpc.Wire.Sql;

namespace ReefDB.Cli.Bench;

/// <summary>
/// A ReefDB cluster through <c>reefdb.sql.Sql/Execute</c>: one gRPC channel (one HTTP/2 connection) per endpoint,
/// shared by every client of that endpoint. Inserts go into a table created for this run; gets are linearizable
/// point SELECTs by primary key.
/// </summary>
internal sealed class ReefDbBenchClient : IBenchClient
{
    private readonly TimeSpan operationDeadline;
    private readonly GrpcChannel[] channels;
    private readonly SqlService.SqlClient[] clients;
    private readonly string table = "bench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private readonly string insertSql;
    private readonly string selectSql;
    private readonly HttpClient metricsHttp = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Uri[]? metricsUrls;

    /// <param name="endpoints">gRPC host:port of each node.</param>
    /// <param name="operationDeadline">How long one call may take before it fails (default 30 s).</param>
    public ReefDbBenchClient(IReadOnlyList<string> endpoints, TimeSpan? operationDeadline = null)
    {
        this.operationDeadline = operationDeadline ?? TimeSpan.FromSeconds(30);
        channels = [.. endpoints.Select(e => GrpcChannel.ForAddress("http://" + e, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false, ConnectTimeout = TimeSpan.FromSeconds(5) },
        }))];
        clients = [.. channels.Select(c => new SqlService.SqlClient(c))];
        insertSql = $"INSERT INTO {table} (k, v) VALUES ($1, $2)";
        selectSql = $"SELECT v FROM {table} WHERE k = $1";
    }

    public int EndpointCount => clients.Length;

    public async Task<int> FindLeaderAsync(CancellationToken cancellationToken)
    {
        // A lease read is served by the leader only (a follower forwards it), so its answer names the leader; a
        // stale read names the node asked. Neither enters the log.
        var leader = await LeaderIdAsync(0, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < clients.Length; i++)
        {
            var self = (await ExecuteAsync(i, Request("SELECT 1", Consistency.Stale), cancellationToken).ConfigureAwait(false)).NodeId;
            if (self == leader)
            {
                return i;
            }
        }

        throw new BenchOperationException($"node {leader.ToString(CultureInfo.InvariantCulture)} leads but is not among the endpoints");
    }

    /// <summary>Sums <c>reefdb_jit_compiled_methods_total</c> over every member's <c>/metrics</c>, found through the
    /// members list of the first endpoint; null when that cannot be read (no HTTP address known, a node that does not
    /// answer or predates the counter): the warm-up then judges by the rate alone.</summary>
    public async Task<long?> CompiledMethodsAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (metricsUrls is null)
            {
                var members = await new AdminService.AdminClient(channels[0]).ListMembersAsync(
                    new ListMembersRequest(), deadline: DateTime.UtcNow + operationDeadline, cancellationToken: cancellationToken).ConfigureAwait(false);
                metricsUrls = [.. members.Members.Where(m => m.HttpAddr.Length > 0).Select(m => new Uri($"http://{m.HttpAddr}/metrics"))];
            }

            var total = 0L;
            foreach (var url in metricsUrls)
            {
                var text = await metricsHttp.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
                if (MetricsText.Counter(text, "reefdb_jit_compiled_methods_total") is not { } compiled)
                {
                    return null;
                }

                total += compiled;
            }

            return metricsUrls.Length == 0 ? null : total;
        }
        catch (Exception e) when (e is HttpRequestException or Grpc.Core.RpcException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary>The id of the node that leads, as <paramref name="endpoint"/> knows it (a lease read: served by the
    /// leader only, a follower forwards it).</summary>
    public async Task<ulong> LeaderIdAsync(int endpoint, CancellationToken cancellationToken) =>
        (await ExecuteAsync(endpoint, Request("SELECT 1", Consistency.Lease), cancellationToken).ConfigureAwait(false)).NodeId;

    /// <summary>Succeeds when <paramref name="endpoint"/> serves a linearizable read: it is up and knows a leader.</summary>
    public Task LinearizableProbeAsync(int endpoint, CancellationToken cancellationToken) =>
        ExecuteAsync(endpoint, Request("SELECT 1", Consistency.Linearizable), cancellationToken);

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(0, Request($"CREATE TABLE {table} (k BIGINT PRIMARY KEY, v TEXT NOT NULL)", Consistency.Default), cancellationToken).ConfigureAwait(false);
        }
        catch (BenchOperationException e) when (e.Message.StartsWith("42P07", StringComparison.Ordinal))
        {
            // duplicate_table: an earlier attempt that missed its deadline was applied after all.
        }
    }

    public Task InsertAsync(int endpoint, long key, string value, CancellationToken cancellationToken) =>
        ExecuteAsync(endpoint, Request(insertSql, Consistency.Default, new Value { Integer = key }, new Value { Text = value }), cancellationToken);

    public async Task GetAsync(int endpoint, long key, CancellationToken cancellationToken)
    {
        var response = await ExecuteAsync(endpoint, Request(selectSql, Consistency.Linearizable, new Value { Integer = key }), cancellationToken).ConfigureAwait(false);
        if (response.Results.Count != 1 || response.Results[0].Rows.Count != 1)
        {
            throw new BenchOperationException($"key {key.ToString(CultureInfo.InvariantCulture)} was written but not found");
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        metricsHttp.Dispose();

        return ValueTask.CompletedTask;
    }

    private static ExecuteRequest Request(string sql, Consistency consistency, params Value[] parameters)
    {
        var statement = new SqlStatement { Sql = sql };
        statement.Params.AddRange(parameters);
        var request = new ExecuteRequest { Consistency = consistency };
        request.Statements.Add(statement);
        return request;
    }

    private async Task<ExecuteResponse> ExecuteAsync(int endpoint, ExecuteRequest request, CancellationToken cancellationToken)
    {
        var response = await clients[endpoint].ExecuteAsync(
            request, deadline: DateTime.UtcNow + operationDeadline, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            throw new BenchOperationException($"{error.Code}: {error.Message}");
        }

        return response;
    }
}
