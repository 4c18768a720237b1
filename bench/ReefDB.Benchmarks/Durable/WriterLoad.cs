using System.Diagnostics;

namespace ReefDB.Benchmarks.Durable;

/// <summary>
/// Closed-loop concurrent writers: each of N dedicated threads inserts a row, waits for its acknowledgement, then
/// inserts the next. Throughput is the number of acknowledgements inside the measured window over its length;
/// latency is each insert's own round trip.
/// </summary>
/// <remarks>
/// Hand-written rather than BenchmarkDotNet: BenchmarkDotNet times one operation invoked in a loop on one thread and
/// reports a per-invocation mean; here the figure of interest is the aggregate rate and tail latency of many threads
/// sharing one fsync (group commit), which needs threads started together, a warm-up, a fixed wall-clock window and
/// per-operation samples. Dedicated threads (not the thread pool) because both engines' APIs block, and 64 blocked
/// pool threads would measure the pool's injection delay instead of the database.
/// </remarks>
internal static class WriterLoad
{
    /// <param name="Writers">Concurrent writers.</param>
    /// <param name="Operations">Inserts acknowledged in the measured window.</param>
    /// <param name="Seconds">The window's length.</param>
    /// <param name="CpuSeconds">CPU time of the whole process in the window (every thread: writers, the replica's
    /// loop, background snapshots, the GC), which on an overloaded machine says more about cost than wall time.</param>
    /// <param name="Latencies">Each acknowledged insert's round trip.</param>
    public sealed record Result(int Writers, long Operations, double Seconds, double CpuSeconds, Latencies Latencies)
    {
        public double OpsPerSecond => Operations / Seconds;

        public double CpuMicrosecondsPerOperation => CpuSeconds * 1e6 / Operations;

        /// <summary>Several rounds as one: operations over the summed windows, latencies together.</summary>
        public static Result Pool(IReadOnlyList<Result> rounds)
        {
            var latencies = new Latencies(rounds.Sum(r => r.Latencies.Count));
            foreach (var round in rounds)
            {
                latencies.AddRange(round.Latencies);
            }

            return new Result(rounds[0].Writers, rounds.Sum(r => r.Operations), rounds.Sum(r => r.Seconds), rounds.Sum(r => r.CpuSeconds), latencies);
        }
    }

    private const int Warming = 0;
    private const int Measuring = 1;
    private const int Stopping = 2;

    public static Result Run(IDurableEngine engine, int writers, TimeSpan warmup, TimeSpan measure, string payload)
    {
        var phase = Warming;
        var perThread = new Latencies[writers];
        var errors = new Exception?[writers];
        using var start = new Barrier(writers + 1);
        var threads = new Thread[writers];
        for (var w = 0; w < writers; w++)
        {
            var writer = engine.CreateWriter();
            var slot = w;
            perThread[w] = new Latencies(64 * 1024);
            threads[w] = new Thread(() =>
            {
                using (writer)
                {
                    var samples = perThread[slot];
                    var id = (slot + 1) * 1_000_000_000L;
                    start.SignalAndWait();
                    try
                    {
                        while (Volatile.Read(ref phase) != Stopping)
                        {
                            var begin = Stopwatch.GetTimestamp();
                            writer.Insert(id++, payload);
                            var elapsed = Stopwatch.GetTimestamp() - begin;
                            if (Volatile.Read(ref phase) == Measuring)
                            {
                                samples.Add(elapsed);
                            }
                        }
                    }
                    catch (Exception e)
                    {
                        errors[slot] = e;
                    }
                }
            })
            { IsBackground = true, Name = $"durable-writer-{w}" };
            threads[w].Start();
        }

        start.SignalAndWait();
        Thread.Sleep(warmup);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var window = Stopwatch.StartNew();
        Volatile.Write(ref phase, Measuring);
        Thread.Sleep(measure);
        Volatile.Write(ref phase, Stopping);
        var seconds = window.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw new InvalidOperationException($"A writer failed: {error.Message}", error);
        }

        var all = new Latencies(perThread.Sum(l => l.Count));
        foreach (var samples in perThread)
        {
            all.AddRange(samples);
        }

        return new Result(writers, all.Count, seconds, cpuSeconds, all);
    }
}
