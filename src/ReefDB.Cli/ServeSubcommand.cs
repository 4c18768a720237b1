using System.CommandLine;
using ReefDB.Node;
using ReefDB.Node.Configuration;

namespace ReefDB.Cli;

/// <summary>
/// <c>reefdb serve [--config node.yaml] [--node-id N] [--http-addr HOST:PORT] …</c>: runs a node until Ctrl-C or
/// SIGTERM. Settings come from the YAML file, then <c>REEFDB_*</c> variables, then these flags (docs/CONFIG.md);
/// with none at all, a single-node cluster with data under <c>./data</c>, HTTP on 127.0.0.1:8080 and gRPC on
/// 127.0.0.1:50051. Exit codes: 0 after a clean stop, 2 for an invalid configuration, 1 when the node cannot start
/// or fails.
/// </summary>
internal static class ServeSubcommand
{
    public static Command Create(CliEnvironment environment)
    {
        var config = new Option<string?>("--config")
        {
            Description = "YAML configuration file (docs/CONFIG.md). Without it: the embedded defaults.",
            HelpName = "FILE",
        };
        var command = new Command("serve", "Run a ReefDB node: the SQL gateway over HTTP and gRPC, replicated with Raft.") { config };
        var flags = new List<(Option<string?> Option, string Key)>();
        foreach (var flag in NodeConfiguration.Flags)
        {
            var option = new Option<string?>(flag.Name) { Description = flag.Description, HelpName = "VALUE" };
            command.Options.Add(option);
            flags.Add((option, flag.Key));
        }

        command.SetAction((parse, cancellationToken) => RunAsync(
            environment,
            parse.GetValue(config),
            flags.Select(f => KeyValuePair.Create(f.Key, parse.GetValue(f.Option))).Where(p => p.Value is not null).ToList(),
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(
        CliEnvironment environment, string? configPath, IReadOnlyList<KeyValuePair<string, string?>> flags, CancellationToken cancellationToken)
    {
        LoadedConfiguration loaded;
        try
        {
            loaded = NodeConfiguration.Load(configPath, flags);
        }
        catch (NodeConfigurationException e)
        {
            await environment.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        var options = loaded.Options;
        ReefNode node;
        try
        {
            node = await ReefNode.StartAsync(options, loaded.Warnings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or ArgumentException)
        {
            await environment.Error.WriteLineAsync($"error: node {options.NodeId} cannot start: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await environment.Output.WriteLineAsync(
            $"ReefDB node {options.NodeId} (cluster {options.ClusterId}) is serving\n" +
            $"  HTTP  http://{options.HttpAddr}   (POST /v1/sql, GET /v1/status, /health/ready, /metrics)\n" +
            $"  gRPC  {options.RpcAddr}   (reefdb.sql.Sql, Raft)\n" +
            $"  data  {Path.GetFullPath(options.DataDir)}\n" +
            "Press Ctrl-C to stop.").ConfigureAwait(false);
        await environment.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        await node.RunUntilShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
