using System.Globalization;

namespace ReefDB.Simulation.Cluster;

/// <summary>
/// How much of each interesting thing a run exercised, summed over seeds by the runner: evidence that
/// passing seeds were not vacuous (elections, snapshots, membership changes and timeouts really happened).
/// </summary>
internal sealed class SimStats
{
    public long Elections { get; set; }

    public long Crashes { get; set; }

    public long SnapshotsInstalled { get; set; }

    public long ConfChangesCommitted { get; set; }

    public long TransfersRequested { get; set; }

    public long Compactions { get; set; }

    public long ReadsOk { get; set; }

    public long WritesOk { get; set; }

    public long Refused { get; set; }

    public long Unknown { get; set; }

    public void Add(SimStats other)
    {
        Elections += other.Elections;
        Crashes += other.Crashes;
        SnapshotsInstalled += other.SnapshotsInstalled;
        ConfChangesCommitted += other.ConfChangesCommitted;
        TransfersRequested += other.TransfersRequested;
        Compactions += other.Compactions;
        ReadsOk += other.ReadsOk;
        WritesOk += other.WritesOk;
        Refused += other.Refused;
        Unknown += other.Unknown;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"elections {Elections}, crashes {Crashes}, snapshots installed {SnapshotsInstalled}, conf changes committed {ConfChangesCommitted}, transfers requested {TransfersRequested}, compactions {Compactions}; client ops: reads ok {ReadsOk}, writes ok {WritesOk}, refused {Refused}, unknown outcome {Unknown}");
}
