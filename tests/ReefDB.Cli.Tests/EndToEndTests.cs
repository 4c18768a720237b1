using System.Diagnostics;
using ReefDB.Testing;

namespace ReefDB.Cli.Tests;

/// <summary>The built executable in a real process: standard input piped, exit code, both streams.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Reefdb_sql_reads_a_piped_script_and_exits_non_zero_on_an_error()
    {
        using var process = StartSql();
        await process.StandardInput.WriteAsync("SELECT 1 AS one;\nSELECT 1/0;\nSELECT 2;\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal("one\n1\n", await output);
        Assert.Equal("ERROR: 22012: division by zero\n", await error);
        Assert.Equal(1, process.ExitCode);
    }

    [Fact]
    public async Task Ctrl_c_cancels_the_running_statement_with_57014_instead_of_killing_the_process()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("signals are sent with kill(1) and read from /proc: Linux only");
        }

        if (SignalIgnored(2))
        {
            Assert.Skip("SIGINT is ignored in this process tree (started in the background by a non-interactive shell): no child can receive it");
        }

        using var process = StartSql();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            // 10^10 join candidates: minutes of work, unless cancelled.
            await process.StandardInput.WriteAsync(
                "SELECT 1 AS ready;\nSELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b;\nSELECT 2 AS after;\n");
            process.StandardInput.Close();
            Assert.Equal("ready", await process.StandardOutput.ReadLineAsync(bound.Token));
            Assert.Equal("1", await process.StandardOutput.ReadLineAsync(bound.Token));
            // The long statement starts right after the first one's answer is printed, and runs for many seconds: a
            // second leaves a loaded machine time to start it before the signal arrives.
            await Task.Delay(1_000, bound.Token);
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(bound.Token);
            }

            var output = process.StandardOutput.ReadToEndAsync(bound.Token);
            var error = process.StandardError.ReadToEndAsync(bound.Token);
            await process.WaitForExitAsync(bound.Token);
            Assert.StartsWith("ERROR: 57014: canceling statement", await error, StringComparison.Ordinal);
            Assert.Equal("", await output);
            Assert.Equal(1, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    /// <summary><c>reefdb sql --format csv</c> on an in-memory database, every stream piped.</summary>
    private static Process StartSql() =>
        Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ReefDB.Cli.dll"), "sql", "--format", "csv"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }.WithoutRuntimeIpc())!;

    /// <summary>Whether this process ignores <paramref name="signal"/> (Linux's /proc/self/status, SigIgn mask); a
    /// child inherits an ignored signal.</summary>
    private static bool SignalIgnored(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << (signal - 1))) != 0;
    }
}
