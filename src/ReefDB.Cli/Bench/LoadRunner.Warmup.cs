using System.Diagnostics;
using System.Globalization;

namespace ReefDB.Cli.Bench;

/// <summary>The warm-up before the first round, the same for every target (docs/PERFORMANCE.md, "Warm-up").</summary>
internal sealed partial class LoadRunner
{
    /// <summary>Length of one warm-up slice: long enough to hold a few hundred calls at one client, short enough
    /// that the warm-up ends soon after the rate settles.</summary>
    public static readonly TimeSpan WarmupSlice = TimeSpan.FromSeconds(1);

    /// <summary>Times the target's first insert and first get (of that key) through endpoint 0, once every endpoint
    /// has answered a call: what a client of a freshly started server waits on its first write and read. Not retried:
    /// a failure here fails the run, as it would fail that client.</summary>
    public async Task<(double InsertMilliseconds, double GetMilliseconds)> FirstCallsAsync(CancellationToken cancellationToken)
    {
        var key = Interlocked.Increment(ref nextInsertKey);
        var start = Stopwatch.GetTimestamp();
        await client.InsertAsync(0, key, value, cancellationToken).ConfigureAwait(false);
        var inserted = Stopwatch.GetTimestamp();
        await client.GetAsync(0, key, cancellationToken).ConfigureAwait(false);
        var read = Stopwatch.GetTimestamp();
        return (Stopwatch.GetElapsedTime(start, inserted).TotalMilliseconds, Stopwatch.GetElapsedTime(inserted, read).TotalMilliseconds);
    }

    /// <summary>Loads the target with <paramref name="workload"/> from <paramref name="clients"/> clients in slices of
    /// <see cref="WarmupSlice"/> until <see cref="SteadyRate.IsSteady"/> while the target's JIT (if it has one) is
    /// quiet, or until <paramref name="limit"/> (no slice at all under a limit shorter than one slice); the slices' rates
    /// and the methods compiled in each go to the progress stream.</summary>
    public async Task<WarmupResult> WarmUntilSteadyAsync(
        BenchTarget target, BenchWorkload workload, int clients, double firstCallMilliseconds, TimeSpan limit, CancellationToken cancellationToken)
    {
        var slices = new List<double>();
        var compiledPerSlice = new List<long>();
        var steady = false;
        var compiled = limit > TimeSpan.Zero ? await client.CompiledMethodsAsync(cancellationToken).ConfigureAwait(false) : null;
        while (!steady && WarmupSlice * (slices.Count + 1) <= limit)
        {
            var slice = await RunAsync(target, workload, ClientPlacement.Spread, clients, round: 0, TimeSpan.Zero, WarmupSlice, cancellationToken).ConfigureAwait(false);
            slices.Add(slice.OpsPerSecond);
            var compiling = false;
            if (compiled is { } before && await client.CompiledMethodsAsync(cancellationToken).ConfigureAwait(false) is { } after)
            {
                compiledPerSlice.Add(after - before);
                compiling = !SteadyRate.CompilerIsQuiet(after - before);
                compiled = after;
            }

            steady = !compiling && SteadyRate.IsSteady(slices);
        }

        var jit = compiledPerSlice.Count == 0 ? string.Empty : $"  jit methods/slice {string.Join(' ', compiledPerSlice)}";
        await progress.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"warm-up  {BenchReport.Name(target),-6}  {BenchReport.Name(workload),-6}  {clients,4} clients  first call {firstCallMilliseconds,8:F2} ms  slices ops/s {string.Join(' ', slices.Select(s => s.ToString("F0", CultureInfo.InvariantCulture)))}{jit}{(steady || slices.Count == 0 ? string.Empty : "  (not steady at the limit)")}")).ConfigureAwait(false);
        return new WarmupResult(target, workload, firstCallMilliseconds, slices, WarmupSlice, steady);
    }
}
