namespace ReefDB.Simulation.Cluster;

/// <summary>
/// The last lines of what a simulation did, for failure reports. Disabled on the fast first run of a seed;
/// a failing seed is replayed with the trace on (runs are deterministic), which costs nothing on success.
/// </summary>
internal sealed class SimTrace(bool enabled, int capacity = 500)
{
    private readonly Queue<string> lines = new();

    public bool Enabled { get; } = enabled;

    public void Add(long tick, string line)
    {
        if (!Enabled)
        {
            return;
        }

        if (lines.Count == capacity)
        {
            lines.Dequeue();
        }

        lines.Enqueue(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"t{tick,-6} {line}"));
    }

    public IReadOnlyCollection<string> Lines => lines;
}
