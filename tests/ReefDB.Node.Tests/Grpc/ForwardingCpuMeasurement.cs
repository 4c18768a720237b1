using System.Globalization;
using ReefDB.Node.Gateway;
using ReefDB.Node.Grpc;
using ReefDB.Node.Membership;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Grpc;

/// <summary>
/// Not a test: a measurement, run only when asked (docs/PERFORMANCE.md, "Forwarding stream"). It forwards
/// single-row INSERTs from concurrent callers to a leader node in this process, alternating 2-second slices of unary
/// <c>Sql.Execute</c> calls (the forwarding before the stream) and the <c>Sql.Forward</c> stream, and prints the
/// requests per second, this process's CPU per request and thread-pool work items per request of each slice. Both ends and the leader's apply run in
/// this process, so the difference between the two is the forwarding hop's own CPU; alternating short slices keeps
/// a shared machine's load drift out of the comparison.
/// <code>FWD_CLIENTS=16 FWD_ROUNDS=8 dotnet test --project tests/ReefDB.Node.Tests/ReefDB.Node.Tests.csproj -c Release --output Detailed -- --filter-class "*ForwardingCpuMeasurement" --explicit only</code>
/// </summary>
public sealed class ForwardingCpuMeasurement(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public async Task Unary_against_stream_cpu_per_forwarded_insert()
    {
        var cancel = TestContext.Current.CancellationToken;
        var clients = LoadSlice.Setting("FWD_CLIENTS", 16);
        var rounds = LoadSlice.Setting("FWD_ROUNDS", 5);
        await using var leader = await TestNode.StartAsync();
        using var forwarder = new GrpcLeaderForwarder(new MemberDirectory([new MemberAddress(1, leader.Options.RpcAddr, leader.Options.HttpAddr)]), 16 << 20);
        using var unary = new LeaderConnection(leader.Options.RpcAddr, 16 << 20);
        await forwarder.ForwardAsync(1, ForwardCalls.Request("CREATE TABLE t (id integer PRIMARY KEY, v text)"), cancel);
        var value = new string('v', 256);
        long lastId = 0;
        SqlRequest Next() => ForwardCalls.Request(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO t VALUES ({Interlocked.Increment(ref lastId)}, '{value}')"));
        var ways = new (string Name, Func<Task> Call)[]
        {
            ("unary", async () => Assert.Null((await unary.Sql.ExecuteAsync(WireMapping.ToWire(Next(), forwarded: true), cancellationToken: cancel)).Error)),
            ("stream", async () => Assert.Null((await forwarder.ForwardAsync(1, Next(), cancel)).Error)),
        };
        foreach (var (_, call) in ways)
        {
            await LoadSlice.RunAsync(call, clients, TimeSpan.FromSeconds(1));
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, call) in ways)
            {
                var (count, cpu, wall, _, workItems) = await LoadSlice.RunAsync(call, clients, TimeSpan.FromSeconds(2));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round} {name,-6} clients {clients}: {count / wall.TotalSeconds,8:0} req/s {cpu.TotalMilliseconds * 1000 / count,6:0} µs CPU/req {(double)workItems / count,5:0.00} work items/req, load {LoadSlice.MachineLoad}"));
            }
        }
    }
}
