using System.Diagnostics;

namespace ReefDB.Node.Tests.Support;

/// <summary>What one slice of closed-loop load cost this process: calls completed, CPU, wall time, bytes allocated and
/// thread-pool work items completed (the explicit measurements compare builds by these).</summary>
internal readonly record struct LoadSlice(long Count, TimeSpan Cpu, TimeSpan Wall, long AllocatedBytes, long WorkItems)
{
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
