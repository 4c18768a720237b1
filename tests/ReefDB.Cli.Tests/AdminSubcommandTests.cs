using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ReefDB.Cli.Tests.Fakes;
using ReefDB.Node;
using ReefDB.Node.Configuration;

namespace ReefDB.Cli.Tests;

/// <summary><c>reefdb admin</c> against a real single-node cluster in this process, and against nobody.</summary>
public sealed class AdminSubcommandTests
{
    [Fact]
    public async Task Members_prints_a_table_or_json_and_snapshot_reports_its_index()
    {
        var root = Directory.CreateTempSubdirectory("reefdb-cli-admin-");
        try
        {
            var rpc = $"127.0.0.1:{FreePort()}";
            await using (var node = await ReefNode.StartAsync(new NodeOptions
            {
                DataDir = root.FullName,
                RaftDir = Path.Combine(root.FullName, "raft"),
                RpcAddr = rpc,
                HttpAddr = $"127.0.0.1:{FreePort()}",
                Fsync = FsyncMode.None,
                RaftTickMs = 20,
                LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            }, cancellationToken: TestContext.Current.CancellationToken))
            {
                var table = await RunUntilLeaderAsync(rpc);
                Assert.Contains("node 1 answered: leader 1", table.Output, StringComparison.Ordinal);
                Assert.Matches(@"\n\s+1 \| leader \| 127\.0\.0\.1:\d+ \| 127\.0\.0\.1:\d+ \|\s+\d+\n\(1 row\)", table.Output);

                using var json = new TestEnvironment(TinySql.Answer);
                Assert.Equal(0, json.Run("admin", "--addr", rpc, "--format", "json", "members"));
                var members = JsonDocument.Parse(json.Output).RootElement;
                Assert.Equal(1UL, members.GetProperty("leader_id").GetUInt64());
                Assert.Equal("voter", members.GetProperty("members")[0].GetProperty("role").GetString());

                using var snapshot = new TestEnvironment(TinySql.Answer);
                Assert.Equal(0, snapshot.Run("admin", "snapshot", "--addr", rpc, "--format", "json"));
                Assert.True(JsonDocument.Parse(snapshot.Output).RootElement.GetProperty("snapshot_index").GetUInt64() >= 1, snapshot.Output);

                using var bad = new TestEnvironment(TinySql.Answer);
                Assert.Equal(1, bad.Run("admin", "--addr", rpc, "add", "2", "nowhere"));
                Assert.StartsWith("error: invalid_request: \"addr\": expected host:port", bad.Error, StringComparison.Ordinal);
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_unreachable_node_exits_3_with_a_clear_error()
    {
        using var cli = new TestEnvironment(TinySql.Answer);

        var exit = cli.Run("admin", "--addr", $"127.0.0.1:{FreePort()}", "--timeout", "5", "members");

        Assert.Equal(3, exit);
        Assert.StartsWith("error: unavailable: cannot reach the admin service at 127.0.0.1:", cli.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, cli.Output);
    }

    [Theory]
    [InlineData("remove", "0")]
    [InlineData("transfer", "x")]
    [InlineData("members", "--timeout", "0")]
    public void Bad_arguments_exit_1_before_calling_anyone(params string[] args)
    {
        using var cli = new TestEnvironment(TinySql.Answer);

        var exit = cli.Run(["admin", "--addr", "127.0.0.1:1", .. args]);

        Assert.Equal(1, exit);
        Assert.NotEqual(string.Empty, cli.Error);
    }

    /// <summary>A fresh node elects itself within a few ticks; until then the answer names no leader.</summary>
    private static async Task<TestEnvironment> RunUntilLeaderAsync(string rpc)
    {
        for (var attempt = 0; ; attempt++)
        {
            var cli = new TestEnvironment(TinySql.Answer);
            if (cli.Run("admin", "--addr", rpc, "members") == 0 && !cli.Output.Contains("leader unknown", StringComparison.Ordinal) || attempt == 300)
            {
                return cli;
            }

            cli.Dispose();
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
