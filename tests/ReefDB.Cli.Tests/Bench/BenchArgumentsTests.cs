using ReefDB.Cli.Bench;
using ReefDB.Cli.Tests.Fakes;

namespace ReefDB.Cli.Tests.Bench;

public sealed class BenchArgumentsTests
{
    [Fact]
    public void Defaults_load_one_reefdb_cluster_with_both_workloads_at_1_16_64_clients()
    {
        var options = Parse("reefdb", "127.0.0.1:50051,127.0.0.1:50052");
        Assert.Equal([BenchTarget.ReefDb], options.Targets);
        Assert.Equal(["127.0.0.1:50051", "127.0.0.1:50052"], options.Endpoints[BenchTarget.ReefDb]);
        Assert.Equal([1, 16, 64], options.Clients);
        Assert.Equal([BenchWorkload.Insert, BenchWorkload.Get], options.Workloads);
        Assert.Equal([ClientPlacement.Spread], options.Placements);
        Assert.Equal(256, options.ValueBytes);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Duration);
        Assert.False(options.Json);
    }

    [Fact]
    public void Both_targets_take_turns_reefdb_first_with_their_own_endpoints()
    {
        var options = BenchSubcommand.Parse(
            "both", "a:1,b:2", "http://c:3", "4", "get", "leader,spread", 100, "500ms", "0", 3, 10, "json");
        Assert.Equal([BenchTarget.ReefDb, BenchTarget.Etcd], options.Targets);
        Assert.Equal(["c:3"], options.Endpoints[BenchTarget.Etcd]);
        Assert.Equal([ClientPlacement.Leader, ClientPlacement.Spread], options.Placements);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Duration);
        Assert.Equal(TimeSpan.Zero, options.Warmup);
        Assert.True(options.Json);
    }

    [Theory]
    [InlineData("10s", 10.0)]
    [InlineData("1.5", 1.5)]
    [InlineData("250ms", 0.25)]
    [InlineData("2m", 120.0)]
    public void Durations_take_a_unit_or_default_to_seconds(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), BenchArguments.ParseDuration(text, "--duration"));

    [Theory]
    [InlineData("1,,0", "--clients: '0' is not a client count between 1 and 4096")]
    [InlineData("1,16,1", "--clients: 1 is listed twice")]
    [InlineData("many", "--clients: 'many' is not a client count between 1 and 4096")]
    public void Bad_client_lists_name_the_flag_and_the_value(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => BenchArguments.ParseClients(text)).Message);

    [Theory]
    [InlineData("postgres", "a:1", null, "--target: 'postgres' is not reefdb, etcd or both")]
    [InlineData("reefdb", null, null, "--endpoints is required for this --target")]
    [InlineData("both", "a:1", null, "--etcd-endpoints is required for this --target")]
    [InlineData("etcd", "nohost", null, "--endpoints: 'nohost' is not host:port")]
    [InlineData("etcd", "a:99999", null, "--endpoints: 'a:99999' is not host:port")]
    public void Bad_targets_and_endpoints_are_refused(string target, string? endpoints, string? etcd, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() =>
            BenchSubcommand.Parse(target, endpoints, etcd, "1", "insert", "spread", 256, "1s", "0s", 1, 10, "table")).Message);

    [Fact]
    public void Unknown_workloads_placements_and_durations_are_refused()
    {
        Assert.Equal("--workloads: 'scan' is not insert or get", Assert.Throws<FormatException>(() => BenchArguments.ParseWorkloads("insert,scan")).Message);
        Assert.Equal("--placement: '1' is not spread or leader", Assert.Throws<FormatException>(() => BenchArguments.ParsePlacements("1")).Message);
        Assert.Equal("--warmup: 'soon' is not a duration such as 10s, 500ms or 2m", Assert.Throws<FormatException>(() => BenchArguments.ParseDuration("soon", "--warmup")).Message);
    }

    [Fact]
    public void The_command_line_reports_a_bad_flag_with_exit_code_2()
    {
        var cli = new TestEnvironment(TinySql.Answer);
        Assert.Equal(2, cli.Run("bench", "--target", "etcd", "--endpoints", "127.0.0.1:2379", "--clients", "0"));
        Assert.Contains("--clients: '0' is not a client count", cli.Error, StringComparison.Ordinal);
    }

    private static BenchOptions Parse(string target, string endpoints) =>
        BenchSubcommand.Parse(target, endpoints, null, "1,16,64", "insert,get", "spread", 256, "10s", "2s", 1, 1000, "table");
}
