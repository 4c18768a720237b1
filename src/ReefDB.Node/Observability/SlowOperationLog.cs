using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using ReefDB.Node.Configuration;

namespace ReefDB.Node.Observability;

/// <summary>
/// Warns about log writes (write + fsync) and applies slower than <c>slow_fsync_ms</c> / <c>slow_apply_ms</c>: it
/// watches the replica's latency histograms as <see cref="MeterExport"/> sees each measurement, so the replica needs
/// no logging thresholds of its own. Called by whichever thread drives the replica (its loop, or a proposer driving
/// it inline): only a comparison unless it logs.
/// </summary>
internal sealed class SlowOperationLog(NodeOptions options, ILogger logger)
{
    public const string FsyncInstrument = "reefdb_raft_fsync_seconds";
    public const string ApplyInstrument = "reefdb_raft_apply_seconds";

    private readonly double fsyncSeconds = options.SlowFsyncMs / 1000.0;
    private readonly double applySeconds = options.SlowApplyMs / 1000.0;

    public void Observe(Instrument instrument, double seconds)
    {
        if (seconds >= fsyncSeconds && string.Equals(instrument.Name, FsyncInstrument, StringComparison.Ordinal))
        {
            LogMessages.SlowFsync(logger, options.NodeId, seconds * 1000, options.SlowFsyncMs);
        }
        else if (seconds >= applySeconds && string.Equals(instrument.Name, ApplyInstrument, StringComparison.Ordinal))
        {
            LogMessages.SlowApply(logger, options.NodeId, seconds * 1000, options.SlowApplyMs);
        }
    }
}
