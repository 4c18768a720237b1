namespace ReefDB.Replication.Tests;

/// <summary>Who drives the node (RaftReplica.Drive.cs): a lone writer runs its own passes, and the loop thread never
/// waits for the gate, so a writer that keeps the node busy must take the ticks over.</summary>
public sealed class DriveTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ticks_go_on_while_one_writer_keeps_the_node_busy()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere);
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);

        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var outcome = replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({written + 1})")).GetAwaiter().GetResult();
                Assert.False(outcome.Failed);
                written++;
            }
        });
        writer.Start();
        try
        {
            // 10 ms ticks: 20 of them take 200 ms of wall time, whoever runs them.
            var before = replica.Ticks;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (replica.Ticks - before < 20 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, Ct);
            }

            Assert.True(replica.Ticks - before >= 20, $"only {replica.Ticks - before} ticks in 30 s of writes");
        }
        finally
        {
            await stop.CancelAsync();
            writer.Join();
        }

        Assert.True(written > 0);
        Assert.Equal([written.ToString(System.Globalization.CultureInfo.InvariantCulture)], Batches.Query(replica, "SELECT count(*) FROM t"));
    }
}
