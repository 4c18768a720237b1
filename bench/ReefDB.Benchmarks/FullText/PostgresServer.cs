using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ReefDB.Benchmarks.FullText;

/// <summary>
/// A throw-away PostgreSQL server on 127.0.0.1, as scripts/fts-expected/generate.sh starts one: a fresh
/// cluster in a temporary directory (trust authentication, UTF-8, locale C.UTF-8), run as the postgres user
/// when we are root, stopped and deleted on dispose. Settings keep the whole data set in shared buffers and
/// each query on one core (no parallel workers), as the embedded engine it is compared with.
/// </summary>
internal sealed class PostgresServer : IDisposable
{
    private readonly string binaries;
    private readonly string directory;
    private readonly bool asPostgresUser;

    private PostgresServer(string binaries, string directory, int port)
    {
        this.binaries = binaries;
        this.directory = directory;
        Port = port;
        asPostgresUser = Environment.UserName == "root";
    }

    public int Port { get; }

    public string ConnectionString =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=60;Command Timeout=0");

    public static PostgresServer Start(string binaries)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"reefdb-ftsbench-pg-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        var server = new PostgresServer(binaries, directory, FreePort());
        try
        {
            server.Launch();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public string Version()
    {
        var output = Run("postgres", "--version");
        return output.Trim();
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(directory, "data", "postmaster.pid")))
        {
            try
            {
                Run("pg_ctl", "-D", Path.Combine(directory, "data"), "-m", "fast", "-w", "stop");
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"stopping PostgreSQL: {e.Message}");
            }
        }

        Directory.Delete(directory, recursive: true);
    }

    private void Launch()
    {
        if (asPostgresUser)
        {
            Run("/bin/chown", "postgres", directory);
        }

        var data = Path.Combine(directory, "data");
        Run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        var settings = string.Join(' ', new[]
        {
            "-c listen_addresses=127.0.0.1", $"-p {Port.ToString(CultureInfo.InvariantCulture)}", $"-k {directory}",
            "-c shared_buffers=1GB", "-c maintenance_work_mem=512MB", "-c work_mem=64MB", "-c fsync=off",
            "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_parallel_workers_per_gather=0",
            "-c default_text_search_config=pg_catalog.english", "-c jit=off",
        });
        Run("pg_ctl", "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-o", settings, "start");
    }

    /// <summary>Runs a PostgreSQL program (as the postgres user when we are root) and returns its output; throws on failure.</summary>
    private string Run(string program, params string[] arguments)
    {
        var path = program.StartsWith('/') ? program : Path.Combine(binaries, program);
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgresUser && !program.StartsWith('/'))
        {
            start.FileName = "/usr/sbin/runuser";
            foreach (var a in (string[])["-u", "postgres", "--", path, .. arguments])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = path;
            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {path}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}");
        }

        return output.Result;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
