using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using ReefDB.Node.Configuration;
using ReefDB.Node.Observability;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Observability;

/// <summary>
/// <c>slow_fsync_ms</c> and <c>slow_apply_ms</c>: a log write or an apply at or above its threshold is one warning naming
/// the time and the threshold; anything faster, or another instrument, logs nothing. Measurements arrive the way the
/// node wires them: the replica's histograms, seen through <see cref="MeterExport"/>.
/// </summary>
public sealed class SlowOperationLogTests : IDisposable
{
    private readonly Meter meter = new("ReefDB.Replication.TestDouble");
    private readonly Histogram<double> fsync;
    private readonly Histogram<double> apply;
    private readonly Histogram<double> other;
    private readonly CapturingLogger logger = new();
    private readonly MeterExport export;

    public SlowOperationLogTests()
    {
        fsync = meter.CreateHistogram<double>(SlowOperationLog.FsyncInstrument, "s");
        apply = meter.CreateHistogram<double>(SlowOperationLog.ApplyInstrument, "s");
        other = meter.CreateHistogram<double>("reefdb_snapshot_take_seconds", "s");
        var slow = new SlowOperationLog(new NodeOptions { NodeId = 7, SlowFsyncMs = 50, SlowApplyMs = 10 }, logger);
        export = new MeterExport(Prometheus.Metrics.NewCustomRegistry(), [meter], slow.Observe);
    }

    [Fact]
    public void A_log_write_at_or_above_slow_fsync_ms_is_one_warning_with_the_time_and_the_threshold()
    {
        fsync.Record(0.049);
        fsync.Record(0.050);
        fsync.Record(0.2345);

        var warnings = logger.Entries.ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal((LogLevel.Warning, 5012), (w.Level, w.EventId)));
        Assert.Equal("Node 7: slow log write: 234.5 ms to write and fsync one batch of entries (slow_fsync_ms 50); the disk delays every commit", warnings[1].Message);
        Assert.Equal(50, warnings[1].Fields["ThresholdMs"]);
        Assert.Equal(234.5, (double)warnings[1].Fields["ElapsedMs"]!, 6);
    }

    [Fact]
    public void An_apply_at_or_above_slow_apply_ms_is_one_warning_and_fsync_times_are_judged_by_their_own_threshold()
    {
        apply.Record(0.009);
        apply.Record(0.012);
        fsync.Record(0.012);
        other.Record(10);

        var warning = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Warning, 5013), (warning.Level, warning.EventId));
        Assert.Equal("Node 7: slow apply: 12.0 ms to apply one entry (slow_apply_ms 10); later entries wait for it", warning.Message);
    }

    public void Dispose()
    {
        export.Dispose();
        meter.Dispose();
    }
}
