using System.Text;
using System.Text.Json;
using ReefDB.Cli.Bench;

namespace ReefDB.Cli.Tests.Bench;

public sealed class BenchReportTests
{
    [Fact]
    public void Percentiles_match_a_sorted_sample_within_the_histograms_precision()
    {
        // 1 … 10,000 µs once each: the naive percentile of a sorted sample is the value at that rank.
        var histogram = new LatencyHistogram();
        for (var us = 1; us <= 10_000; us++)
        {
            histogram.RecordMicroseconds(us);
        }

        Assert.Equal(10_000, histogram.Count);
        Assert.Equal(5.0, histogram.PercentileMilliseconds(50), 0.005);
        Assert.Equal(9.9, histogram.PercentileMilliseconds(99), 0.01);
        Assert.Equal(9.99, histogram.PercentileMilliseconds(99.9), 0.01);
        Assert.Equal(0, new LatencyHistogram().PercentileMilliseconds(99));
    }

    [Fact]
    public void Merged_histograms_see_every_clients_tail()
    {
        var fast = Histogram(Enumerable.Repeat(1_000L, 990));
        var slow = Histogram(Enumerable.Repeat(200_000L, 10));
        fast.Add(slow);
        Assert.Equal(1.0, fast.PercentileMilliseconds(50), 0.01);
        Assert.Equal(200.0, fast.PercentileMilliseconds(99.9), 0.2);
    }

    [Fact]
    public void A_cell_reports_the_median_round_rate_and_pairs_with_etcd_as_ratios()
    {
        var cells = CellSummary.Summarize(
        [
            Cell(BenchTarget.ReefDb, 1, ops: 300, p: 2_000),
            Cell(BenchTarget.ReefDb, 2, ops: 100, p: 2_000),
            Cell(BenchTarget.ReefDb, 3, ops: 200, p: 2_000),
            Cell(BenchTarget.Etcd, 1, ops: 100, p: 4_000),
            Cell(BenchTarget.Etcd, 2, ops: 100, p: 4_000),
        ]);

        var reef = cells.Single(c => c.Target == BenchTarget.ReefDb);
        Assert.Equal([300.0, 100.0, 200.0], reef.RoundOpsPerSecond);
        Assert.Equal(200.0, reef.OpsPerSecond);
        var ratio = Assert.Single(CellRatio.Pair(cells));
        Assert.Equal(2.0, ratio.OpsRatio, 0.001);
        Assert.Equal(0.5, ratio.P99Ratio, 0.01);
    }

    [Fact]
    public void The_table_aligns_cells_and_adds_a_ratio_table_when_both_targets_ran()
    {
        var cells = CellSummary.Summarize([Cell(BenchTarget.ReefDb, 1, ops: 50, p: 2_000), Cell(BenchTarget.Etcd, 1, ops: 100, p: 1_000)]);
        var output = new StringWriter { NewLine = "\n" };
        BenchReport.WriteTable(output, cells);
        var lines = output.ToString().Split('\n');
        Assert.Equal("target  workload  placement  clients  ops/s  p50 ms  p99 ms  p999 ms  errors  rounds ops/s", lines[0]);
        Assert.Equal("reefdb  insert    spread          16     50    2.00    2.00     2.00       0            50", lines[1]);
        Assert.Equal("etcd    insert    spread          16    100    1.00    1.00     1.00       0           100", lines[2]);
        Assert.Equal("insert    spread          16            50         100       0.50        2.00      1.00       2.00", lines[5]);
    }

    [Fact]
    public void Json_holds_every_cell_and_the_ratios()
    {
        var cells = CellSummary.Summarize([Cell(BenchTarget.ReefDb, 1, ops: 50, p: 2_000), Cell(BenchTarget.Etcd, 1, ops: 100, p: 1_000)]);
        using var stream = new MemoryStream();
        BenchReport.WriteJson(stream, cells);
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var first = document.RootElement.GetProperty("cells")[0];
        Assert.Equal("reefdb", first.GetProperty("target").GetString());
        Assert.Equal(50.0, first.GetProperty("ops_per_second").GetDouble());
        Assert.Equal(2.0, first.GetProperty("p99_ms").GetDouble(), 0.01);
        Assert.Equal(0.5, document.RootElement.GetProperty("ratios")[0].GetProperty("ops_ratio").GetDouble());
    }

    private static LatencyHistogram Histogram(IEnumerable<long> microseconds)
    {
        var histogram = new LatencyHistogram();
        foreach (var us in microseconds)
        {
            histogram.RecordMicroseconds(us);
        }

        return histogram;
    }

    private static Measurement Cell(BenchTarget target, int round, int ops, long p) =>
        new(target, BenchWorkload.Insert, ClientPlacement.Spread, 16, round, ops, 0, 1.0, Histogram(Enumerable.Repeat(p, ops)));
}
