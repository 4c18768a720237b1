using System.Diagnostics;
using ReefDB.Testing;

namespace ReefDB.Cli.Tests;

/// <summary>The built executable in a real process: standard input piped, exit code, both streams.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Reefdb_sql_reads_a_piped_script_and_exits_non_zero_on_an_error()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ReefDB.Cli.dll"), "sql", "--format", "csv"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }.WithoutRuntimeIpc();
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("SELECT 1 AS one;\nSELECT 1/0;\nSELECT 2;\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal("one\n1\n", await output);
        Assert.Equal("ERROR: 22012: division by zero\n", await error);
        Assert.Equal(1, process.ExitCode);
    }
}
