using System.Diagnostics;
using System.Globalization;

namespace ReefDB.Cli.Bench.Failover;

/// <summary>
/// One <c>reefdb serve</c> child process of this very binary, its output appended to <c>node.log</c> in its directory.
/// <see cref="Kill"/> is SIGKILL by process id; <see cref="Dispose"/> kills it too, so no node outlives the bench.
/// </summary>
internal sealed class NodeProcess(int nodeId, string directory, IReadOnlyList<string> serveArguments) : IDisposable
{
    private Process? process;

    public int NodeId => nodeId;

    public bool IsRunning => process is { HasExited: false };

    public void Start()
    {
        Directory.CreateDirectory(directory);
        // Through `sh -c 'exec …'` so that the output goes straight to a file (no pipe for us to drain) while the
        // process id stays the node's own.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" >>\"$LOG\" 2>&1");
        start.ArgumentList.Add("sh");
        foreach (var argument in SelfCommand())
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("serve");
        foreach (var argument in serveArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LOG"] = Path.Combine(directory, "node.log");
        // No debugger pipe or diagnostics socket: the runtime removes them on a clean exit only, and every node here
        // may end by SIGKILL, which would leave them in the temporary folder.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        process = Process.Start(start) ?? throw new InvalidOperationException($"node {nodeId.ToString(CultureInfo.InvariantCulture)} did not start");
    }

    /// <summary>SIGKILL, as <c>kill -9 PID</c>: no shutdown code runs in the node.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: false);
            running.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process?.Dispose();
        process = null;
    }

    /// <summary>How to run this binary again: <c>dotnet ReefDB.Cli.dll</c>, or the app host itself.</summary>
    private static IEnumerable<string> SelfCommand()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        yield return host;
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            yield return typeof(NodeProcess).Assembly.Location;
        }
    }
}
