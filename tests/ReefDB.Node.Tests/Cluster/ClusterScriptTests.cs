using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReefDB.Node.Tests.Support;
using ReefDB.Testing;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>
/// <c>scripts/cluster.sh up|status|down</c> (the README walkthrough) on configs like examples/cluster's, with ports
/// chosen at run time and the test's own build of reefdb.
/// </summary>
[Collection(nameof(ProcessCollection))]
public sealed class ClusterScriptTests
{
    [Fact]
    public async Task Cluster_script_starts_three_nodes_that_elect_a_leader_shows_them_and_stops_them()
    {
        var root = Directory.CreateTempSubdirectory("reefdb-script-").FullName;
        var configs = Directory.CreateDirectory(Path.Combine(root, "configs")).FullName;
        var run = Path.Combine(root, "run");
        var nodes = Enumerable.Range(1, 3).Select(i => (Id: i, Rpc: $"127.0.0.1:{Ports.Free()}", Http: $"127.0.0.1:{Ports.Free()}")).ToList();
        foreach (var node in nodes)
        {
            var yaml = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"node_id: {node.Id}")
                .AppendLine(CultureInfo.InvariantCulture, $"rpc_addr: \"{node.Rpc}\"   # a comment, as in the examples")
                .AppendLine(CultureInfo.InvariantCulture, $"http_addr: \"{node.Http}\"")
                .AppendLine(CultureInfo.InvariantCulture, $"data_dir: {Path.Combine(root, $"node{node.Id}")}")
                .AppendLine("raft_tick_ms: 50")
                .AppendLine("election_tick: 20")
                .AppendLine("fsync: none")
                .AppendLine("peers:");
            foreach (var peer in nodes)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ node_id: {peer.Id}, addr: \"{peer.Rpc}\", http_addr: \"{peer.Http}\" }}");
            }

            await File.WriteAllTextAsync(Path.Combine(configs, $"node{node.Id}.yaml"), yaml.ToString(), TestContext.Current.CancellationToken);
        }

        try
        {
            var (upExit, upOutput) = await RunScriptAsync(configs, run, "up");
            Assert.True(upExit == 0, upOutput + Logs(run));

            var (statusExit, status) = await RunScriptAsync(configs, run, "status");
            Assert.True(statusExit == 0, status);
            var lines = status.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Assert.Equal(3, lines.Count);
            Assert.Single(lines, l => l.Contains(" leader ", StringComparison.Ordinal));
            Assert.Equal(2, lines.Count(l => l.Contains(" follower ", StringComparison.Ordinal)));
            Assert.All(nodes, n => Assert.Contains(n.Http, status, StringComparison.Ordinal));
        }
        finally
        {
            var pids = Directory.Exists(run) ? Directory.GetFiles(run, "*.pid").Select(f => int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture)).ToList() : [];
            var (downExit, downOutput) = await RunScriptAsync(configs, run, "down");
            foreach (var pid in pids)
            {
                // Whatever `down` did, no process of this test outlives it.
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"`cluster.sh down` left pid {pid} running: {downOutput}");
                }
                catch (ArgumentException)
                {
                    // Gone, as it should be.
                }
            }

            Assert.True(downExit == 0, downOutput);
            Assert.Empty(Directory.GetFiles(run, "*.pid"));
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunScriptAsync(string configs, string run, string command)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true }.WithoutRuntimeIpc();
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "cluster.sh"));
        start.ArgumentList.Add(command);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("REEFDB_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["CLUSTER_CONFIG_DIR"] = configs;
        start.Environment["CLUSTER_RUN_DIR"] = run;
        start.Environment["CLUSTER_REEFDB"] = "dotnet " + Path.Combine(AppContext.BaseDirectory, "ReefDB.Cli.dll");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TestCluster.Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await errors);
    }

    private static string Logs(string run) =>
        Directory.Exists(run)
            ? string.Join(Environment.NewLine, Directory.GetFiles(run, "*.log").Order(StringComparer.Ordinal).Select(f => $"--- {f}{Environment.NewLine}{string.Join(Environment.NewLine, File.ReadLines(f).TakeLast(30))}"))
            : "(no run directory)";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReefDB.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ReefDB.slnx not found above the test binaries");
    }
}
