using System.Diagnostics;

namespace ReefDB.Cli.Bench;

/// <summary>
/// Runs one cell: <c>clients</c> concurrent loops, each one operation at a time, through a warmup and then the
/// measured window. An operation counts when it both starts and ends inside the window, so the rate is acknowledged
/// operations per second of window; failures are counted apart and never recorded as latencies.
/// </summary>
internal sealed partial class LoadRunner(IBenchClient client, string value, int getKeys, TextWriter progress)
{
    private const int PreloadAttempts = 10;
    private static readonly TimeSpan ErrorBackoff = TimeSpan.FromMilliseconds(10);
    private long nextInsertKey = getKeys;
    private string? firstError;

    /// <summary>Writes keys 0 … <c>getKeys</c>-1 for the get workload, 16 at a time. A failed write is retried (on
    /// a loaded machine a call can miss its deadline); a key that fails <see cref="PreloadAttempts"/> times fails the run.</summary>
    public async Task PreloadAsync(CancellationToken cancellationToken)
    {
        var next = -1L;
        var writers = Enumerable.Range(0, 16).Select(async w =>
        {
            long key;
            while ((key = Interlocked.Increment(ref next)) < getKeys)
            {
                var written = key;
                await WithRetriesAsync(() => client.InsertAsync((int)(written % client.EndpointCount), written, value, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(writers).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="operation"/>, retrying failures (reported on the progress stream) up to
    /// <see cref="PreloadAttempts"/> times in all.</summary>
    public async Task WithRetriesAsync(Func<Task> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await operation().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (attempt < PreloadAttempts && e is BenchOperationException or Grpc.Core.RpcException && !cancellationToken.IsCancellationRequested)
            {
                await progress.WriteLineAsync($"  setup call failed (attempt {attempt}), retrying: {e.Message}").ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<Measurement> RunAsync(
        BenchTarget target, BenchWorkload workload, ClientPlacement placement, int clients, int round,
        TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        // Every cell asks who leads, as leadership may have moved since the last one: both placements are relative to it.
        var leader = -1;
        await WithRetriesAsync(async () => leader = await client.FindLeaderAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var begin = Stopwatch.GetTimestamp();
        var measureStart = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureEnd = measureStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, clients)
            .Select(i => Task.Run(() => LoopAsync(workload, placement.EndpointOf(i, leader, client.EndpointCount), seed: i, measureStart, measureEnd, cancellationToken), cancellationToken))
            .ToArray();
        var results = await Task.WhenAll(loops).ConfigureAwait(false);

        var latencies = new LatencyHistogram();
        var errors = 0L;
        foreach (var (histogram, failed) in results)
        {
            latencies.Add(histogram);
            errors += failed;
        }

        if (firstError is { } error)
        {
            await progress.WriteLineAsync($"  {target} {workload} {clients} clients: errors, the first: {error}").ConfigureAwait(false);
            firstError = null;
        }

        return new Measurement(target, workload, placement, clients, round, latencies.Count, errors, duration.TotalSeconds, latencies);
    }

    private async Task<(LatencyHistogram Latencies, long Errors)> LoopAsync(
        BenchWorkload workload, int endpoint, int seed, long measureStart, long measureEnd, CancellationToken cancellationToken)
    {
        var latencies = new LatencyHistogram();
        var errors = 0L;
        // Fixed seeds: the same keys are read in the same order on every target.
        var random = new Random(seed);
        while (!cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            if (start >= measureEnd)
            {
                break;
            }

            var ok = true;
            try
            {
                if (workload == BenchWorkload.Insert)
                {
                    await client.InsertAsync(endpoint, Interlocked.Increment(ref nextInsertKey), value, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await client.GetAsync(endpoint, random.NextInt64(getKeys), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                ok = false;
                Interlocked.CompareExchange(ref firstError, e.Message, null);
            }

            var end = Stopwatch.GetTimestamp();
            if (start >= measureStart && end <= measureEnd)
            {
                if (ok)
                {
                    latencies.RecordMicroseconds((end - start) * 1_000_000 / Stopwatch.Frequency);
                }
                else
                {
                    errors++;
                }
            }

            if (!ok)
            {
                await Task.Delay(ErrorBackoff, cancellationToken).ConfigureAwait(false);
            }
        }

        return (latencies, errors);
    }
}
