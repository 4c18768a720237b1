using ReefDB.Raft.Storage;

namespace ReefDB.Replication.Tests;

/// <summary>A one-voter group: the durable embedded database's replica.</summary>
public sealed class SingleVoterTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lone_voter_leads_at_once_and_applies_proposals_in_order()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1) with { Fsync = FsyncPolicy.Always }, Batches.Nowhere);

        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i})"), Ct)));

        Assert.True(replica.IsLeader);
        Assert.All(outcomes, o => Assert.False(o.Failed));
        Assert.Equal(50, outcomes.Select(o => o.Outcome.AppliedIndex).Distinct().Count());
        Assert.Equal(["50"], Batches.Query(replica, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task Concurrent_proposals_share_one_write_and_one_fsync()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1) with { Fsync = FsyncPolicy.Always }, Batches.Nowhere);
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
        var appendsBefore = replica.AppendCalls;

        // Hold the loop while 64 writers propose, as happens while it waits for an fsync.
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        replica.RunOnLoop(() =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(10));
        });
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10), Ct));
        var writes = Enumerable.Range(0, 64).Select(i => replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i})"), Ct)).ToList();
        release.Set();
        var outcomes = await Task.WhenAll(writes);

        Assert.All(outcomes, o => Assert.False(o.Failed));
        Assert.Equal(1, replica.AppendCalls - appendsBefore);
        Assert.Equal(["64"], Batches.Query(replica, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task A_failing_batch_is_answered_with_its_error_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere);
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (1)"), Ct);

        var applied = await replica.ProposeAsync(Batches.Sql("INSERT INTO t VALUES (2); INSERT INTO t VALUES (1)"), Ct);

        Assert.True(applied.Failed);
        Assert.Equal(["1"], Batches.Query(replica, "SELECT id FROM t"));
    }

    [Fact]
    public async Task Reopening_restores_every_applied_write_sessions_and_the_applied_index()
    {
        using var dir = new TempDirectory();
        ulong appliedBefore;
        await using (var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere))
        {
            await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
            for (var i = 0; i < 20; i++)
            {
                await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i})", "writer", (ulong)i + 1), Ct);
            }

            appliedBefore = replica.AppliedIndex;
        }

        await using var reopened = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere);
        await reopened.ReadIndexAsync(Ct);

        Assert.True(reopened.AppliedIndex >= appliedBefore);
        Assert.Equal(["20"], Batches.Query(reopened, "SELECT count(*) FROM t"));
        // A retry of the last write is answered from the restored session, not applied twice.
        var retry = await reopened.ProposeAsync(Batches.Sql("INSERT INTO t VALUES (19)", "writer", 20), Ct);
        Assert.False(retry.Failed);
        Assert.Null(retry.Results);
        Assert.Equal(["20"], Batches.Query(reopened, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task A_snapshot_compacts_the_log_and_recovery_restores_it_then_replays_the_rest()
    {
        using var dir = new TempDirectory();
        var options = Batches.Options(dir.Path, 1, 1) with { SegmentBytes = 4096, CompactionTail = 10 };
        long bytesBefore;
        await using (var replica = await Batches.OpenLeaderAsync(options, Batches.Nowhere))
        {
            await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"), Ct);
            for (var i = 0; i < 200; i++)
            {
                await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i}, '{new string('x', 100)}')"), Ct);
            }

            bytesBefore = (await replica.GetStatusAsync(Ct)).LogBytes;
            var snapshot = await replica.SnapshotNowAsync(Ct);
            var after = await replica.GetStatusAsync(Ct);

            Assert.Equal(replica.AppliedIndex, snapshot.Index);
            Assert.Equal(snapshot.Index, after.SnapshotIndex);
            Assert.True(after.LogBytes < bytesBefore / 2, $"log bytes {after.LogBytes} after the snapshot, {bytesBefore} before");
            Assert.True(after.FirstIndex > 1);
            for (var i = 200; i < 210; i++)
            {
                await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i}, 'y')"), Ct);
            }
        }

        await using var reopened = await Batches.OpenLeaderAsync(options, Batches.Nowhere);
        await reopened.ReadIndexAsync(Ct);
        Assert.Equal(["210"], Batches.Query(reopened, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task The_entry_count_policy_takes_snapshots_in_the_background()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(
            Batches.Options(dir.Path, 1, 1) with { SnapshotEntries = 25, CompactionTail = 5, SnapshotMinLogRatio = 0 }, Batches.Nowhere);
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
        for (var i = 0; i < 60; i++)
        {
            await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i})"), Ct);
        }

        var status = await WaitFor(replica, s => s.SnapshotIndex >= 50);
        Assert.True(status.FirstIndex > 1);
    }

    [Fact]
    public async Task A_large_state_is_not_snapshotted_again_until_the_log_has_grown_by_half_its_snapshot()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(
            Batches.Options(dir.Path, 1, 1) with { SnapshotEntries = 10, CompactionTail = 5 }, Batches.Nowhere);
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"), Ct);
        await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES (0, '{new string('x', 100_000)}')"), Ct);
        for (var i = 1; i < 10; i++)
        {
            await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i}, 'small')"), Ct);
        }

        var first = (await WaitFor(replica, s => s.SnapshotIndex > 0)).SnapshotIndex;

        // 30 more entries of a few dozen bytes each: the entry count is met three times over, the log's growth is far
        // below half of a 100 KB snapshot, so rewriting the whole state again would be all cost.
        for (var i = 10; i < 40; i++)
        {
            await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i}, 'small')"), Ct);
        }

        await Task.Delay(500, Ct);
        Assert.Equal(first, (await replica.GetStatusAsync(Ct)).SnapshotIndex);

        // 60 KB more of log: past half the snapshot, so the next applied entry takes one.
        await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES (40, '{new string('y', 60_000)}')"), Ct);
        await replica.ProposeAsync(Batches.Sql("INSERT INTO t VALUES (41, 'small')"), Ct);
        var next = await WaitFor(replica, s => s.SnapshotIndex > first);
        Assert.True(next.SnapshotIndex >= first + 31, $"snapshot at {next.SnapshotIndex}, first at {first}");
    }

    [Fact]
    public async Task Reads_wait_for_the_applied_index_and_status_reports_the_log()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere);
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);

        var readIndex = await replica.ReadIndexAsync(Ct);
        var lease = await replica.LeaseReadAsync(Ct);
        var status = await replica.GetStatusAsync(Ct);

        Assert.True(replica.AppliedIndex >= readIndex);
        Assert.True(lease >= readIndex);
        Assert.Equal(ReplicaRole.Leader, status.Role);
        Assert.Equal(1UL, status.LeaderId);
        Assert.Equal(status.CommitIndex, status.AppliedIndex);
        Assert.True(status.LogBytes > 0);
        Assert.Equal([new MemberStatus(1, false, status.LastIndex)], status.Members);
    }

    [Fact]
    public async Task Backpressure_refuses_proposals_beyond_the_pending_limit_and_disposal_stops_everything()
    {
        using var dir = new TempDirectory();
        var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1) with { MaxPendingProposals = 1 }, Batches.Nowhere);
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);

        // Hold the loop, as an fsync does: with an idle loop each proposal would be answered on this thread at once.
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        replica.RunOnLoop(() =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(10));
        });
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10), Ct));
        var tasks = Enumerable.Range(0, 200).Select(i => replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i})"), Ct)).ToList();
        release.Set();

        var refused = 0;
        foreach (var task in tasks)
        {
            try
            {
                await task;
            }
            catch (ProposalRefusedException e) when (e.Reason == RefusalReason.Overloaded)
            {
                Assert.True(e.IsRetryable);
                refused++;
            }
        }

        Assert.True(refused > 0);
        replica.Dispose();
        await Assert.ThrowsAsync<ReplicaStoppedException>(() => replica.ProposeAsync(Batches.Sql("SELECT 1"), Ct));
        await Assert.ThrowsAsync<ReplicaStoppedException>(() => replica.ReadIndexAsync(Ct));
    }

    [Fact]
    public async Task A_directory_of_another_node_is_refused_and_corruption_names_the_file()
    {
        using var dir = new TempDirectory();
        await using (var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere))
        {
            await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
            await replica.SnapshotNowAsync(Ct);
        }

        Assert.Throws<InvalidOperationException>(() => RaftReplica.Open(Batches.Options(dir.Path, 2, 2), Batches.Nowhere));

        var snapshot = Directory.GetFiles(Path.Combine(dir.Path, "snapshots"), "*.snap").Single();
        var bytes = File.ReadAllBytes(snapshot);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(snapshot, bytes);
        var error = Assert.Throws<RaftStorageCorruptionException>(() => RaftReplica.Open(Batches.Options(dir.Path, 1, 1), Batches.Nowhere));
        Assert.Equal(snapshot, error.File);
    }

    internal static async Task<ReplicaStatus> WaitFor(RaftReplica replica, Func<ReplicaStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var status = await replica.GetStatusAsync(Ct);
            if (condition(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"condition not reached; last status {status}");
            await Task.Delay(10, Ct);
        }
    }
}
