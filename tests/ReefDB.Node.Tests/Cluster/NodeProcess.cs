using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReefDB.Testing;

namespace ReefDB.Node.Tests.Cluster;

/// <summary>
/// One <c>reefdb serve</c> process on loopback ports chosen at run time, with its output in files of its own
/// directory. <see cref="Kill"/> is SIGKILL of the process by its id; <see cref="Dispose"/> always kills it.
/// </summary>
internal sealed partial class NodeProcess : IDisposable
{
    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "ReefDB.Cli.dll");
    private readonly string[] arguments;
    private Process? process;
    private int starts;

    // extraArguments: more `serve` flags (e.g. --join ADDR), after the standard ones.
    public NodeProcess(ulong nodeId, string directory, string httpAddr, string rpcAddr, string peers, IReadOnlyList<string>? extraArguments = null)
    {
        NodeId = nodeId;
        Directory = directory;
        HttpAddr = httpAddr;
        RpcAddr = rpcAddr;
        System.IO.Directory.CreateDirectory(directory);
        arguments =
        [
            CliDll, "serve",
            "--node-id", nodeId.ToString(CultureInfo.InvariantCulture),
            "--data-dir", Path.Combine(directory, "data"),
            "--http-addr", httpAddr,
            "--rpc-addr", rpcAddr,
            "--peers", peers,
            "--raft-tick-ms", "50",
            "--election-tick", "20",
            // The tests kill processes, not machines: the page cache survives, so fsync only costs time here.
            "--fsync", "none",
            "--request-timeout-ms", "5000",
            "--log-level", "information",
            .. extraArguments ?? [],
        ];
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(2) })
        {
            BaseAddress = new Uri($"http://{httpAddr}"),
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    public ulong NodeId { get; }

    public string Directory { get; }

    public string HttpAddr { get; }

    public string RpcAddr { get; }

    public HttpClient Http { get; }

    public int? Pid => process is { HasExited: false } p ? p.Id : null;

    public void Start()
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = Directory }.WithoutRuntimeIpc();
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("REEFDB_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // sh redirects the output to files (a failure shows the logs) and then becomes dotnet (exec): the process
        // id is the node's, so a kill by id reaches it.
        var run = starts++;
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet {string.Join(' ', arguments.Select(Quote))} >'{Log("out", run)}' 2>'{Log("err", run)}'");
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>SIGKILL, by process id; waits until it is gone.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }
    }

    public async Task<(int Status, JsonElement Body)> SqlAsync(string json, string query = "")
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("/v1/sql" + query, content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement?> StatusAsync()
    {
        try
        {
            using var response = await Http.GetAsync("/v1/status");
            return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The last lines of every log of this node, for failure messages.</summary>
    public string Logs()
    {
        var text = new StringBuilder();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.log").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            text.AppendLine(CultureInfo.InvariantCulture, $"--- node {NodeId} {Path.GetFileName(file)}");
            foreach (var line in lines.TakeLast(30))
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Kill();
        process?.Dispose();
        Http.Dispose();
    }

    private string Log(string stream, int run) => Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"{stream}-{run}.log"));

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
