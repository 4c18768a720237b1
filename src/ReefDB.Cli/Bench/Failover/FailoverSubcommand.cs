using System.CommandLine;

namespace ReefDB.Cli.Bench.Failover;

/// <summary><c>reefdb bench failover [--runs 10] [--raft-tick-ms 100] [--election-tick 10] [--fsync always]
/// [--work-dir DIR] [--format table|json]</c>.</summary>
internal static class FailoverSubcommand
{
    public static Command Create(CliEnvironment environment)
    {
        var runs = new Option<int>("--runs") { Description = "Leader kills to time.", DefaultValueFactory = _ => 10 };
        var tick = new Option<int>("--raft-tick-ms") { Description = "raft_tick_ms of the nodes.", DefaultValueFactory = _ => 100 };
        var electionTick = new Option<int>("--election-tick") { Description = "election_tick of the nodes.", DefaultValueFactory = _ => 10 };
        var fsync = new Option<string>("--fsync") { Description = "fsync policy of the nodes: always or none.", DefaultValueFactory = _ => "always" };
        var workDir = new Option<string?>("--work-dir") { Description = "Where the nodes keep data and logs (default: a new temporary folder)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var command = new Command("failover", "Start a 3-node cluster, kill -9 its leader repeatedly, time each failover to the first acknowledged write.")
        {
            runs, tick, electionTick, fsync, workDir, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var json = parse.GetValue(format) switch
            {
                "json" => true,
                "table" => false,
                var other => (bool?)null,
            };
            if (json is null || parse.GetValue(runs) is < 1 or > 1000 || parse.GetValue(fsync) is not ("always" or "none"))
            {
                await environment.Error.WriteLineAsync("error: --format must be table or json, --runs between 1 and 1000, --fsync always or none").ConfigureAwait(false);
                return 2;
            }

            var directory = parse.GetValue(workDir) ?? Directory.CreateTempSubdirectory("reefdb-failover-").FullName;
            var options = new FailoverOptions(parse.GetValue(runs), parse.GetValue(tick), parse.GetValue(electionTick), parse.GetValue(fsync)!, directory, json.Value);
            FailoverResult result;
            try
            {
                result = await new FailoverRun(options, environment.Error).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BenchOperationException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                await environment.Error.WriteLineAsync("error: the failover bench failed: " + e.Message).ConfigureAwait(false);
                return 1;
            }

            if (options.Json)
            {
                await environment.Output.WriteAsync(FailoverReport.Json(result)).ConfigureAwait(false);
                await environment.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                FailoverReport.WriteText(environment.Output, result);
            }

            return 0;
        });
        return command;
    }
}
