using System.Diagnostics;
using System.Globalization;

namespace ReefDB.Benchmarks.Durable;

/// <summary>What the figures must be read against on a shared machine: load, cores, the commit measured.</summary>
internal static class MachineInfo
{
    /// <summary>The 1/5/15-minute load averages (Linux), or "n/a".</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "n/a";

    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Commit()}, {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {Load()}");

    private static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            var output = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
