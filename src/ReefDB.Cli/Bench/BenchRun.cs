using System.Globalization;

namespace ReefDB.Cli.Bench;

/// <summary>
/// Connects to every target, prepares each and times its first calls, preloads each, warms each up the same way
/// until its rate is steady, then runs the rounds: inside a round, every cell runs on each target in turn before
/// the next cell starts.
/// </summary>
internal static class BenchRun
{
    public static async Task<(IReadOnlyList<Measurement> Measurements, IReadOnlyList<WarmupResult> Warmups)> RunAsync(
        BenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var value = new string('v', options.ValueBytes);
        var runners = new Dictionary<BenchTarget, LoadRunner>();
        var firstCalls = new Dictionary<BenchTarget, (double Insert, double Get)>();
        var clients = new List<IBenchClient>();
        try
        {
            foreach (var target in options.Targets)
            {
                IBenchClient client = target == BenchTarget.ReefDb
                    ? new ReefDbBenchClient(options.Endpoints[target])
                    : new EtcdBenchClient(options.Endpoints[target]);
                clients.Add(client);
                var runner = new LoadRunner(client, value, options.GetKeys, progress);
                await runner.WithRetriesAsync(() => client.PrepareAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                // Every endpoint answers once before the first calls are timed, so that they time the server's
                // cold insert and get paths and not this process opening its connections.
                await runner.WithRetriesAsync(() => client.FindLeaderAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                firstCalls[target] = await runner.FirstCallsAsync(cancellationToken).ConfigureAwait(false);
                if (options.Workloads.Contains(BenchWorkload.Get))
                {
                    await runner.PreloadAsync(cancellationToken).ConfigureAwait(false);
                }

                runners[target] = runner;
            }

            // Warm-up at the smallest client count: the one where each call's own latency, which is what a cold
            // server lacks, decides the rate. The per-cell --warmup still precedes every measured window.
            // With the steady warm-up off (a zero limit) the first calls are still reported.
            var warmups = new List<WarmupResult>();
            foreach (var target in options.Targets)
            {
                foreach (var workload in options.Workloads)
                {
                    var first = workload == BenchWorkload.Insert ? firstCalls[target].Insert : firstCalls[target].Get;
                    warmups.Add(await runners[target].WarmUntilSteadyAsync(
                        target, workload, options.Clients.Min(), first, options.SteadyWarmupLimit, cancellationToken).ConfigureAwait(false));
                }
            }

            var measurements = new List<Measurement>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var workload in options.Workloads)
                {
                    foreach (var placement in options.Placements)
                    {
                        foreach (var count in options.Clients)
                        {
                            foreach (var target in options.Targets)
                            {
                                var m = await runners[target].RunAsync(
                                    target, workload, placement, count, round, options.Warmup, options.Duration, cancellationToken).ConfigureAwait(false);
                                measurements.Add(m);
                                await progress.WriteLineAsync(string.Create(
                                    CultureInfo.InvariantCulture,
                                    $"round {round}/{options.Rounds}  {BenchReport.Name(target),-6}  {BenchReport.Name(workload),-6}  {BenchReport.Name(placement),-6}  {count,4} clients  {m.OpsPerSecond,9:F0} ops/s  p99 {m.P99,8:F2} ms  errors {m.Errors}")).ConfigureAwait(false);
                            }
                        }
                    }
                }
            }

            return (measurements, warmups);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
