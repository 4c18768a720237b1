using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReefDB.Node.Tests.Support;
using ReefDB.Testing;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>
/// <c>reefdb serve</c> without a config file: the embedded defaults (a single-node cluster, data under <c>./data</c>)
/// with only the listen addresses moved by <c>REEFDB_*</c> variables (the defaults' fixed ports may be taken on a
/// shared machine); it prints where it listens, and SIGTERM stops it cleanly while writes are in flight: each write
/// answers (or its connection is refused), the process exits 0 with its files closed, and a restart has every
/// acknowledged write.
/// </summary>
[Collection(nameof(ProcessCollection))]
public sealed class ServeLifecycleTests
{
    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "ReefDB.Cli.dll");

    [Fact]
    public async Task Serve_with_no_config_prints_where_it_listens_and_sigterm_stops_it_cleanly_keeping_every_acknowledged_write()
    {
        var directory = Directory.CreateTempSubdirectory("reefdb-serve-");
        var http = $"127.0.0.1:{Ports.Free()}";
        var rpc = $"127.0.0.1:{Ports.Free()}";
        using var client = new HttpClient { BaseAddress = new Uri($"http://{http}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var first = await ServeAsync(directory.FullName, http, rpc);
            Assert.Contains($"http://{http}", first.Output(), StringComparison.Ordinal);
            Assert.Contains(rpc, first.Output(), StringComparison.Ordinal);
            Assert.Contains(Path.Combine(directory.FullName, "data"), first.Output(), StringComparison.Ordinal);
            Assert.Contains("ReefDB node 1 ", first.Output(), StringComparison.Ordinal);
            Assert.Equal(200, (await PostAsync(client, """{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""")).Status);

            // Writes in flight while SIGTERM arrives: each one is answered or refused, none hangs.
            var acknowledged = new List<int>();
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var id = 1; !stop.IsCancellationRequested; id++)
                {
                    try
                    {
                        var (status, _) = await PostAsync(client, TestNode.Json(new { sql = "INSERT INTO t VALUES ($1)", @params = new object[] { id } }));
                        if (status == 200)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            }, TestContext.Current.CancellationToken);
            while (acknowledged.Count < 20 && !writer.IsCompleted)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            var exit = await first.TerminateAsync();
            await stop.CancelAsync();
            await writer.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            Assert.True(exit == 0, $"exit code {exit}\n{first.Output()}");
            Assert.Contains("stopped; files closed", first.Output(), StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(directory.FullName, "data", "raft")), first.Output());

            var second = await ServeAsync(directory.FullName, http, rpc);
            var rows = await WaitForRowsAsync(client, "SELECT id FROM t ORDER BY id");
            var present = rows.EnumerateArray().Select(r => r[0].GetInt32()).ToHashSet();
            Assert.True(acknowledged.All(present.Contains), $"acknowledged {acknowledged.Count}, present {present.Count}\n{second.Output()}");
            Assert.Equal(0, await second.TerminateAsync());
        }
        finally
        {
            ServeProcess.KillAll();
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process: the temporary directory is left behind.
            }
        }
    }

    private static async Task<ServeProcess> ServeAsync(string workingDirectory, string http, string rpc)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true }.WithoutRuntimeIpc();
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("REEFDB_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["REEFDB_HTTP_ADDR"] = http;
        start.Environment["REEFDB_RPC_ADDR"] = rpc;
        start.ArgumentList.Add(CliDll);
        start.ArgumentList.Add("serve");
        var serve = new ServeProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"));
        var deadline = DateTime.UtcNow + TestCluster.Patience;
        while (!serve.Output().Contains("is serving", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline && !serve.Process.HasExited, $"reefdb serve did not say it is serving\n{serve.Output()}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return serve;
    }

    private static async Task<JsonElement> WaitForRowsAsync(HttpClient client, string sql)
    {
        var deadline = DateTime.UtcNow + TestCluster.Patience;
        while (true)
        {
            try
            {
                var (status, body) = await PostAsync(client, TestNode.Json(new { sql }));
                if (status == 200)
                {
                    return body.GetProperty("results")[0].GetProperty("rows");
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"{sql} never answered");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient client, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/v1/sql", content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A <c>reefdb serve</c> child with both streams collected; stopped by SIGTERM to its id, killed by id at the end.</summary>
    private sealed class ServeProcess
    {
        private static readonly List<Process> Started = [];
        private readonly StringBuilder output = new();

        public ServeProcess(Process process)
        {
            Process = process;
            lock (Started)
            {
                Started.Add(process);
            }

            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        /// <summary>Sends SIGTERM (<c>kill -TERM PID</c>) and waits for the exit code.</summary>
        public async Task<int> TerminateAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]) ?? throw new InvalidOperationException("could not run kill"))
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await Process.WaitForExitAsync(timeout.Token);
            return Process.ExitCode;
        }

        public static void KillAll()
        {
            lock (Started)
            {
                foreach (var process in Started)
                {
                    if (!process.HasExited)
                    {
                        process.Kill();
                    }

                    process.Dispose();
                }

                Started.Clear();
            }
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }
}
