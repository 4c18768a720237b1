using System.Globalization;
using Grpc.Net.Client;
using ReefDB.Node.Grpc.Wire;
using ReefDB.Node.Tests.Support;
using SqlService = ReefDB.Node.Grpc.Wire.Sql;

namespace ReefDB.Node.Tests.Grpc;

/// <summary>
/// Not a test: a measurement, run only when asked (docs/PERFORMANCE.md, "Per-call overhead"). Concurrent callers send
/// single-row INSERTs as unary <c>Sql.Execute</c> calls to a node in this process (over a fake replica, so no Raft, log
/// or fsync), and each slice prints the bytes allocated, thread-pool work items completed and CPU per call, client and
/// server together. Allocations and work items per call barely depend on the machine's load, so two builds compare
/// on a shared machine where CPU figures do not.
/// <code>CALL_CLIENTS=16 CALL_ROUNDS=5 dotnet test --project tests/ReefDB.Node.Tests/ReefDB.Node.Tests.csproj -c Release --output Detailed -- --filter-class "*CallCostMeasurement" --explicit only</code>
/// </summary>
public sealed class CallCostMeasurement(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public async Task Allocations_work_items_and_cpu_per_unary_insert()
    {
        var cancel = TestContext.Current.CancellationToken;
        var clients = LoadSlice.Setting("CALL_CLIENTS", 16);
        var rounds = LoadSlice.Setting("CALL_ROUNDS", 5);
        await using var node = await TestNode.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://{node.Options.RpcAddr}");
        var client = new SqlService.SqlClient(channel);
        await client.ExecuteAsync(Request("CREATE TABLE t (id integer PRIMARY KEY, v text)"), cancellationToken: cancel);
        var value = new string('v', 256);
        long lastId = 0;
        async Task Call()
        {
            // As the bench sends them: one parameterized statement text, so the node prepares it once.
            var request = Request("INSERT INTO t (id, v) VALUES ($1, $2)");
            request.Statements[0].Params.Add(new ReefDB.StateMachine.Encoding.Value { Integer = Interlocked.Increment(ref lastId) });
            request.Statements[0].Params.Add(new ReefDB.StateMachine.Encoding.Value { Text = value });
            var response = await client.ExecuteAsync(request, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancel);
            Assert.Null(response.Error);
        }

        await LoadSlice.RunAsync(Call, clients, TimeSpan.FromSeconds(2));
        if (Environment.GetEnvironmentVariable("CALL_TYPES") == "1")
        {
            // The runtime's allocation sampling (one event per ~100 KB allocated, naming the type that crossed it).
            using var sampler = new AllocationSampler();
            var sampledCalls = (await LoadSlice.RunAsync(Call, clients, TimeSpan.FromSeconds(4))).Count;
            foreach (var (type, bytes) in sampler.Top(30))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)sampledCalls,8:0} B/call  {type}"));
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            var (count, cpu, _, bytes, items) = await LoadSlice.RunAsync(Call, clients, TimeSpan.FromSeconds(2));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round} clients {clients}: {count,7} calls {bytes / (double)count,7:0} B/call {items / (double)count,5:0.00} work items/call {cpu.TotalMilliseconds * 1000 / count,5:0} µs CPU/call, load {LoadSlice.MachineLoad}"));
        }
    }

    private static ExecuteRequest Request(string sql) => new() { Statements = { new SqlStatement { Sql = sql } } };

    private sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
    {
        private readonly Dictionary<string, long> bytes = new(StringComparer.Ordinal);
        private bool enabled;

        public IEnumerable<(string Type, long Bytes)> Top(int count)
        {
            lock (bytes)
            {
                return [.. bytes.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value))];
            }
        }

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                enabled = true;
                EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (!enabled || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
            {
                return;
            }

            var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
            lock (bytes)
            {
                bytes[type] = bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
