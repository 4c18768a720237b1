using System.Text;
using System.Text.Json;
using ReefDB.Cli.Bench;

namespace ReefDB.Cli.Tests.Bench;

public sealed class WarmupTests
{
    [Fact]
    public async Task The_first_calls_insert_a_new_key_and_read_that_key_back()
    {
        await using var client = new RecordingClient();
        var runner = new LoadRunner(client, "v", getKeys: 10, TextWriter.Null);
        var (insert, get) = await runner.FirstCallsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["insert 0:11", "get 0:11"], client.Calls);
        Assert.True(insert >= 0 && get >= 0);
    }

    [Fact]
    public async Task A_warmup_that_never_settles_stops_at_its_limit_and_says_so()
    {
        await using var client = new RecordingClient();
        var progress = new StringWriter();
        var runner = new LoadRunner(client, "v", getKeys: 10, progress);
        // Two one-second slices fit the limit and no verdict comes before the fourth.
        var result = await runner.WarmUntilSteadyAsync(
            BenchTarget.Etcd, BenchWorkload.Insert, clients: 1, firstCallMilliseconds: 12.5, TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.Equal(2, result.SliceOpsPerSecond.Count);
        Assert.False(result.Steady);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Elapsed);
        Assert.All(result.SliceOpsPerSecond, rate => Assert.True(rate > 0));
        Assert.Contains("warm-up  etcd    insert", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains("(not steady at the limit)", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_still_compiling_is_never_steady_and_the_report_shows_its_jit_work()
    {
        await using var client = new RecordingClient(compiledPerQuery: 1000);
        var progress = new StringWriter();
        var runner = new LoadRunner(client, "v", getKeys: 10, progress);
        var result = await runner.WarmUntilSteadyAsync(
            BenchTarget.ReefDb, BenchWorkload.Insert, clients: 1, firstCallMilliseconds: 1, TimeSpan.FromSeconds(4.5), TestContext.Current.CancellationToken);
        Assert.Equal(4, result.SliceOpsPerSecond.Count);
        Assert.False(result.Steady);
        Assert.Contains("jit methods/slice 1000 1000 1000 1000  (not steady at the limit)", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_steady_warmup_off_nothing_is_loaded_and_the_first_call_is_still_reported()
    {
        await using var client = new RecordingClient();
        var runner = new LoadRunner(client, "v", getKeys: 10, TextWriter.Null);
        var result = await runner.WarmUntilSteadyAsync(
            BenchTarget.ReefDb, BenchWorkload.Get, clients: 1, firstCallMilliseconds: 7, TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.Empty(client.Calls);
        Assert.Empty(result.SliceOpsPerSecond);
        Assert.Equal(7, result.FirstCallMilliseconds);

        var table = new StringWriter { NewLine = "\n" };
        BenchReport.WriteTable(table, [], [result]);
        Assert.Contains("reefdb  get                7.00        0.0  off", table.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_shows_each_targets_first_call_and_warmup_slices_in_the_table_and_json()
    {
        var cells = CellSummary.Summarize([new Measurement(BenchTarget.ReefDb, BenchWorkload.Insert, ClientPlacement.Spread, 1, 1, 5, 0, 1.0, new LatencyHistogram())]);
        WarmupResult[] warmups =
        [
            new(BenchTarget.ReefDb, BenchWorkload.Insert, 123.456, [20, 400, 410], TimeSpan.FromSeconds(1), Steady: true),
            new(BenchTarget.Etcd, BenchWorkload.Insert, 2.5, [800, 810, 805], TimeSpan.FromSeconds(1), Steady: true),
        ];

        var table = new StringWriter { NewLine = "\n" };
        BenchReport.WriteTable(table, cells, warmups);
        var lines = table.ToString().Split('\n');
        var header = Array.IndexOf(lines, "target  workload  first call ms  warm-up s  steady  slices ops/s");
        Assert.True(header > 0, table.ToString());
        Assert.Equal("reefdb  insert           123.46        3.0  yes     20 400 410", lines[header + 1]);

        using var stream = new MemoryStream();
        BenchReport.WriteJson(stream, cells, warmups);
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var first = document.RootElement.GetProperty("warmup")[0];
        Assert.Equal("reefdb", first.GetProperty("target").GetString());
        Assert.Equal(123.456, first.GetProperty("first_call_ms").GetDouble());
        Assert.Equal(3.0, first.GetProperty("seconds").GetDouble());
        Assert.Equal(3, first.GetProperty("slices_ops_per_second").GetArrayLength());
    }

    [Fact]
    public void The_steady_warmup_defaults_to_30_seconds_and_zero_turns_it_off()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Parse().SteadyWarmupLimit);
        Assert.Equal(TimeSpan.Zero, Parse("0").SteadyWarmupLimit);
        Assert.Equal(
            "--steady-warmup: 'long' is not a duration such as 10s, 500ms or 2m",
            Assert.Throws<FormatException>(() => Parse("long")).Message);
    }

    private static BenchOptions Parse(string? steadyWarmup = null) => steadyWarmup is null
        ? BenchSubcommand.Parse("reefdb", "a:1", null, "1", "insert", "spread", 256, "1s", "0s", 1, 10, "table")
        : BenchSubcommand.Parse("reefdb", "a:1", null, "1", "insert", "spread", 256, "1s", "0s", 1, 10, "table", steadyWarmup);

    /// <summary>Answers every call after a millisecond (so a warm-up slice does not spin a core) and records the
    /// first few; <c>leader</c> is the endpoint it reports as leading, and <c>compiledPerQuery</c> the methods its JIT
    /// compiles between two queries (null: no JIT).</summary>
    internal sealed class RecordingClient(int endpointCount = 1, int leader = 0, long? compiledPerQuery = null) : IBenchClient
    {
        private long compiled;

        public List<string> Calls { get; } = [];

        public Task<long?> CompiledMethodsAsync(CancellationToken cancellationToken) =>
            Task.FromResult(compiledPerQuery is { } step ? Interlocked.Add(ref compiled, step) : (long?)null);

        public int EndpointCount => endpointCount;

        public Task<int> FindLeaderAsync(CancellationToken cancellationToken) => Task.FromResult(leader);

        public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task InsertAsync(int endpoint, long key, string value, CancellationToken cancellationToken) =>
            Record($"insert {endpoint}:{key}", cancellationToken);

        public Task GetAsync(int endpoint, long key, CancellationToken cancellationToken) =>
            Record($"get {endpoint}:{key}", cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private Task Record(string call, CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                if (Calls.Count < 10)
                {
                    Calls.Add(call);
                }
            }

            return Task.Delay(1, cancellationToken);
        }
    }
}
