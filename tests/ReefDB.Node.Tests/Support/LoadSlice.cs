using System.Diagnostics;
using System.Globalization;

namespace ReefDB.Node.Tests.Support;

/// <summary>What one slice of closed-loop load cost this process: calls completed, CPU, wall time, bytes allocated and
/// thread-pool work items completed (the explicit measurements compare builds by these).</summary>
internal readonly record struct LoadSlice(long Count, TimeSpan Cpu, TimeSpan Wall, long AllocatedBytes, long WorkItems)
{
    /// <summary>An integer setting of a measurement from the environment (clients, rounds), or <paramref name="fallback"/>.</summary>
    public static int Setting(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The machine's one-minute load average, printed with each slice: a measurement on a shared machine is
    /// read against it.</summary>
    public static string MachineLoad => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>Runs <paramref name="call"/> from <paramref name="clients"/> concurrent loops, one call at a time each,
    /// for <paramref name="duration"/>.</summary>
    public static async Task<LoadSlice> RunAsync(Func<Task> call, int clients, TimeSpan duration)
    {
        long count = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var itemsBefore = ThreadPool.CompletedWorkItemCount;
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (started.Elapsed < duration)
            {
                await call();
                Interlocked.Increment(ref count);
            }
        })));
        var wall = started.Elapsed;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var items = ThreadPool.CompletedWorkItemCount - itemsBefore;
        process.Refresh();
        return new LoadSlice(count, process.TotalProcessorTime - cpuBefore, wall, bytes, items);
    }
}
