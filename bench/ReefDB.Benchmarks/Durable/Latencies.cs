using System.Diagnostics;

namespace ReefDB.Benchmarks.Durable;

/// <summary>Latency samples in <see cref="Stopwatch"/> ticks; percentiles by sorting (exact, and cheap at these
/// sample counts).</summary>
internal sealed class Latencies
{
    private readonly List<long> samples;

    public Latencies(int capacity = 1024) => samples = new List<long>(capacity);

    public int Count => samples.Count;

    public void Add(long ticks) => samples.Add(ticks);

    public void AddRange(Latencies other) => samples.AddRange(other.samples);

    /// <summary>The <paramref name="quantile"/> (0..1) in milliseconds, nearest-rank; NaN when empty.</summary>
    public double Milliseconds(double quantile)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        samples.Sort();
        var rank = (int)Math.Ceiling(quantile * samples.Count) - 1;
        return samples[Math.Clamp(rank, 0, samples.Count - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
