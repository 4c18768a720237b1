using System.CommandLine;
using ReefDB.Cli.Bench.Failover;

namespace ReefDB.Cli.Bench;

/// <summary>
/// <c>reefdb bench --target reefdb|etcd|both --endpoints … [--etcd-endpoints …] [--clients 1,16,64] …</c>: a load
/// generator against running clusters (docs/CLI.md); <c>reefdb bench failover</c> measures leader failover on a
/// cluster it starts itself. Exit codes: 0 done, 1 the run failed, 2 bad arguments.
/// </summary>
internal static class BenchSubcommand
{
    public static Command Create(CliEnvironment environment)
    {
        var target = Text("--target", "reefdb, etcd, or both (then --endpoints are ReefDB's and --etcd-endpoints etcd's).", "reefdb");
        var endpoints = Text("--endpoints", "Comma-separated gRPC host:port of the target (ReefDB rpc_addr, or etcd client URLs).", null);
        var etcdEndpoints = Text("--etcd-endpoints", "With --target both: etcd's client host:port list.", null);
        var clients = Text("--clients", "Comma-separated concurrent client counts, each run in turn.", "1,16,64");
        var workloads = Text("--workloads", "insert (single-row INSERT / put) and/or get (linearizable point read).", "insert,get");
        var placement = Text("--placement", "spread (client i on the (i+1)-th endpoint after the leader: one client on a follower) and/or leader (all clients on the leader).", "spread");
        var valueBytes = new Option<int>("--value-bytes") { Description = "Size of each written value.", DefaultValueFactory = _ => 256 };
        var duration = Text("--duration", "Measured time per cell (10s, 500ms, 2m).", "10s");
        var warmup = Text("--warmup", "Unmeasured load before each cell.", "2s");
        var steadyWarmup = Text("--steady-warmup", "Before the first round: load each target until its rate holds steady, at most this long per workload (0: off).", "30s");
        var rounds = new Option<int>("--rounds") { Description = "Times each cell runs; targets take turns inside a round.", DefaultValueFactory = _ => 1 };
        var getKeys = new Option<int>("--get-keys") { Description = "Keys written before the get workload reads them.", DefaultValueFactory = _ => 1000 };
        var format = Text("--format", "table or json.", "table");

        var command = new Command("bench", "Load a running ReefDB or etcd cluster and report ops/s and latency percentiles.")
        {
            target, endpoints, etcdEndpoints, clients, workloads, placement, valueBytes, duration, warmup, steadyWarmup, rounds, getKeys, format,
            FailoverSubcommand.Create(environment),
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            BenchOptions options;
            try
            {
                options = Parse(
                    parse.GetValue(target)!, parse.GetValue(endpoints), parse.GetValue(etcdEndpoints), parse.GetValue(clients)!,
                    parse.GetValue(workloads)!, parse.GetValue(placement)!, parse.GetValue(valueBytes), parse.GetValue(duration)!,
                    parse.GetValue(warmup)!, parse.GetValue(rounds), parse.GetValue(getKeys), parse.GetValue(format)!,
                    parse.GetValue(steadyWarmup)!);
            }
            catch (FormatException e)
            {
                await environment.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(environment, options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Checks and assembles the options; throws <see cref="FormatException"/> naming the wrong flag.</summary>
    internal static BenchOptions Parse(
        string target, string? endpoints, string? etcdEndpoints, string clients, string workloads, string placement,
        int valueBytes, string duration, string warmup, int rounds, int getKeys, string format, string steadyWarmup = "30s")
    {
        var byTarget = new Dictionary<BenchTarget, IReadOnlyList<string>>();
        switch (target.Trim().ToLowerInvariant())
        {
            case "reefdb":
                byTarget[BenchTarget.ReefDb] = BenchArguments.ParseEndpoints(endpoints ?? throw Missing("--endpoints"), "--endpoints");
                break;
            case "etcd":
                byTarget[BenchTarget.Etcd] = BenchArguments.ParseEndpoints(endpoints ?? throw Missing("--endpoints"), "--endpoints");
                break;
            case "both":
                byTarget[BenchTarget.ReefDb] = BenchArguments.ParseEndpoints(endpoints ?? throw Missing("--endpoints"), "--endpoints");
                byTarget[BenchTarget.Etcd] = BenchArguments.ParseEndpoints(etcdEndpoints ?? throw Missing("--etcd-endpoints"), "--etcd-endpoints");
                break;
            default:
                throw new FormatException($"--target: '{target}' is not reefdb, etcd or both");
        }

        if (valueBytes is < 1 or > 1 << 20)
        {
            throw new FormatException($"--value-bytes: {valueBytes} is not between 1 and 1048576");
        }

        if (rounds is < 1 or > 1000)
        {
            throw new FormatException($"--rounds: {rounds} is not between 1 and 1000");
        }

        if (getKeys is < 1 or > 10_000_000)
        {
            throw new FormatException($"--get-keys: {getKeys} is not between 1 and 10000000");
        }

        var json = format.Trim().ToLowerInvariant() switch
        {
            "table" => false,
            "json" => true,
            _ => throw new FormatException($"--format: '{format}' is not table or json"),
        };
        var measured = BenchArguments.ParseDuration(duration, "--duration");
        if (measured <= TimeSpan.Zero)
        {
            throw new FormatException("--duration: must be longer than zero");
        }

        return new BenchOptions(
            byTarget, BenchArguments.ParseWorkloads(workloads), BenchArguments.ParseClients(clients), BenchArguments.ParsePlacements(placement),
            valueBytes, measured, BenchArguments.ParseDuration(warmup, "--warmup"), rounds, getKeys, json,
            BenchArguments.ParseDuration(steadyWarmup, "--steady-warmup"));
    }

    private static async Task<int> RunAsync(CliEnvironment environment, BenchOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<Measurement> measurements;
        IReadOnlyList<WarmupResult> warmups;
        try
        {
            (measurements, warmups) = await BenchRun.RunAsync(options, environment.Error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is BenchOperationException or Grpc.Core.RpcException or HttpRequestException or InvalidOperationException)
        {
            await environment.Error.WriteLineAsync("error: the bench failed: " + e.Message).ConfigureAwait(false);
            return 1;
        }

        var cells = CellSummary.Summarize(measurements);
        if (options.Json)
        {
            environment.Output.Flush();
            using var stream = new MemoryStream();
            BenchReport.WriteJson(stream, cells, warmups);
            await environment.Output.WriteAsync(System.Text.Encoding.UTF8.GetString(stream.ToArray())).ConfigureAwait(false);
            await environment.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            BenchReport.WriteTable(environment.Output, cells, warmups);
        }

        return 0;
    }

    private static FormatException Missing(string flag) => new($"{flag} is required for this --target");

    private static Option<string?> Text(string name, string description, string? defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "VALUE" };
}
