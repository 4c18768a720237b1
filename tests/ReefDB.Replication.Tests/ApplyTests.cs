using ReefDB.StateMachine;

namespace ReefDB.Replication.Tests;

/// <summary>
/// Pipelined apply (RaftReplica.Apply.cs): large groups of committed entries are applied by the applier thread while
/// the driver persists and sends the next Ready. These tests hold the applier still (its test hook) to build a
/// backlog, and check what a user would notice: order, reads, snapshots, membership changes, failures and disposal.
/// </summary>
public sealed class ApplyTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Groups_applied_by_the_applier_and_inline_keep_index_order_exactly_once()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere);
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
        var applied = new List<(ulong Index, bool OnApplier)>();
        replica.BeforeApply = entry =>
        {
            lock (applied)
            {
                applied.Add((entry.Index, OnApplier()));
            }
        };

        // Large groups (64 proposals in one Ready) go to the applier; lone writers meanwhile make small ones.
        var writes = new List<Task<AppliedBatch>>();
        var loners = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                Assert.False((await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({100_000 + (w * 1000) + i})"), Ct)).Failed);
            }
        })).ToList();
        for (var round = 0; round < 5; round++)
        {
            writes.AddRange(ProposeTogether(replica, 64, round * 64));
        }

        var outcomes = await Task.WhenAll(writes).WaitAsync(Patience, Ct);
        await Task.WhenAll(loners).WaitAsync(Patience, Ct);

        Assert.All(outcomes, o => Assert.False(o.Failed));
        List<(ulong Index, bool OnApplier)> seen;
        lock (applied)
        {
            seen = [.. applied];
        }

        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i].Index > seen[i - 1].Index, $"index {seen[i].Index} applied after {seen[i - 1].Index}");
        }

        Assert.Contains(seen, s => s.OnApplier);
        Assert.Subset(seen.Select(s => s.Index).ToHashSet(), outcomes.Select(o => o.Outcome.AppliedIndex).ToHashSet());
        Assert.Equal(["400"], Batches.Query(replica, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task A_read_is_not_answered_before_its_index_is_applied()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere);
        var (hold, writes) = await HoldSixtyFourWritesAsync(replica);
        using var held = hold;
        var read = replica.ReadIndexAsync(Ct);
        var waited = replica.WaitForAppliedAsync(replica.AppliedIndex + 64, Ct);
        await Task.Delay(200, Ct);

        Assert.False(read.IsCompleted, "the read index was answered while the entries below it were not applied");
        Assert.False(waited.IsCompleted);
        Assert.All(writes, w => Assert.False(w.IsCompleted));

        hold.Release();
        var index = await read.WaitAsync(Patience, Ct);
        Assert.True(replica.AppliedIndex >= index);
        await waited.WaitAsync(Patience, Ct);
        await Task.WhenAll(writes).WaitAsync(Patience, Ct);
        Assert.Equal(["64"], Batches.Query(replica, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task A_snapshot_taken_while_groups_wait_holds_exactly_what_was_applied()
    {
        using var dir = new TempDirectory();
        var options = Batches.Options(dir.Path, 1, 1);
        ulong snapshotIndex;
        await using (var replica = await Batches.OpenLeaderAsync(options, Batches.Nowhere))
        {
            await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
            using var hold = new ApplierHold(replica);
            var writes = ProposeTogether(replica, 64, 0);
            hold.WaitHeld();
            var appliedBefore = replica.AppliedIndex;

            var snapshot = await replica.SnapshotNowAsync(Ct).WaitAsync(Patience, Ct);

            Assert.Equal(appliedBefore, snapshot.Index);
            hold.Release();
            var outcomes = await Task.WhenAll(writes).WaitAsync(Patience, Ct);
            Assert.True(outcomes.Min(o => o.Outcome.AppliedIndex) > snapshot.Index);
            snapshotIndex = snapshot.Index;
        }

        // Recovery: the snapshot plus the replay of the 64 entries after it.
        await using var reopened = await Batches.OpenLeaderAsync(options, Batches.Nowhere);
        await reopened.ReadIndexAsync(Ct).WaitAsync(Patience, Ct);
        Assert.True(reopened.AppliedIndex > snapshotIndex + 63);
        Assert.Equal(["64"], Batches.Query(reopened, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task A_membership_change_is_applied_after_the_groups_before_it()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere);
        var (hold, writes) = await HoldSixtyFourWritesAsync(replica);
        using var held = hold;
        // What the replica had applied when the change took effect. Not the writers' tasks: a ProposeAsync with a
        // cancellable token completes through a continuation on the thread pool, which a loaded machine runs late.
        var seenAtChange = new TaskCompletionSource<(ulong ChangeIndex, ulong Applied)>(TaskCreationOptions.RunContinuationsAsynchronously);
        replica.MembershipChanged += (_, change) => seenAtChange.TrySetResult((change.Index, replica.AppliedIndex));

        var added = replica.AddLearnerAsync(2, cancellationToken: Ct);
        await Task.Delay(200, Ct);
        Assert.False(added.IsCompleted, "the membership change was applied before the entries in front of it");

        hold.Release();
        var membership = await added.WaitAsync(Patience, Ct);
        var (changeIndex, applied) = await seenAtChange.Task.WaitAsync(Patience, Ct);
        Assert.True(membership.IsLearner(2));
        Assert.Equal(changeIndex, applied);
        // Every write was applied below the change, and the change saw everything below it applied: so all 64 first.
        var outcomes = await Task.WhenAll(writes).WaitAsync(Patience, Ct);
        Assert.Equal(64, outcomes.Length);
        Assert.True(outcomes.Max(o => o.Outcome.AppliedIndex) < changeIndex);
    }

    [Fact]
    public async Task An_apply_failure_stops_the_replica_and_answers_every_waiter()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere);
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
        var failAt = replica.AppliedIndex + 10;
        replica.BeforeApply = entry =>
        {
            if (entry.Index == failAt)
            {
                throw new InvalidOperationException("apply failed on purpose");
            }
        };

        var writes = ProposeTogether(replica, 64, 0);
        writes.AddRange(ProposeTogether(replica, 64, 64));
        await replica.Stopped.WaitAsync(Patience, Ct);
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Patience, Ct);

        Assert.Equal("apply failed on purpose", replica.Failure?.Message);
        Assert.Equal(0, replica.PendingProposals);
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            // Before the failed entry: applied. From it on: committed, outcome unknown (applied after a restart).
            if (write.IsCompletedSuccessfully)
            {
                Assert.True((await write).Outcome.AppliedIndex < failAt);
            }
            else if (i < 64)
            {
                // The first group holds the failed entry: all of it is in the log.
                Assert.IsType<OutcomeUnknownException>(write.Exception?.InnerException);
            }
            else
            {
                // The second group races the failure: its proposals reach the log before the failed apply stops the
                // replica (outcome unknown) or are refused by the stopping replica, never having entered it.
                Assert.True(
                    write.Exception?.InnerException is OutcomeUnknownException or ReplicaStoppedException,
                    $"{write.Exception?.InnerException?.GetType().Name}: {write.Exception?.InnerException?.Message}");
            }
        }

        await Assert.ThrowsAsync<ReplicaStoppedException>(() => replica.ProposeAsync(Batches.Sql("INSERT INTO t VALUES (-1)"), Ct));
        Assert.Equal(failAt - 1, replica.AppliedIndex);
    }

    [Fact]
    public async Task Dispose_applies_the_backlog_and_answers_every_proposer()
    {
        using var dir = new TempDirectory();
        var options = Batches.Options(dir.Path, 1, 1);
        var replica = await Batches.OpenLeaderAsync(options, Batches.Nowhere);
        var (hold, writes) = await HoldSixtyFourWritesAsync(replica);
        using var held = hold;
        writes.AddRange(ProposeTogether(replica, 64, 64));
        await WaitUntilAsync(() => replica.ApplyBacklog >= 2,
            () => $"backlog {replica.ApplyBacklog}, applied {replica.AppliedIndex}, pending {replica.PendingProposals}, writes done {writes.Count(w => w.IsCompleted)}");

        var disposed = Task.Run(replica.Dispose, Ct);
        await Task.Delay(100, Ct);
        Assert.False(disposed.IsCompleted, "Dispose returned while the applier still held entries");
        hold.Release();
        await disposed.WaitAsync(Patience, Ct);

        var outcomes = await Task.WhenAll(writes).WaitAsync(Patience, Ct);
        Assert.All(outcomes, o => Assert.False(o.Failed));
        await using var reopened = await Batches.OpenLeaderAsync(options, Batches.Nowhere);
        await reopened.ReadIndexAsync(Ct).WaitAsync(Patience, Ct);
        Assert.Equal(["128"], Batches.Query(reopened, "SELECT count(*) FROM t"));
    }

    [Fact]
    public async Task A_slow_applier_holds_the_driver_back_instead_of_queueing_without_bound()
    {
        using var dir = new TempDirectory();
        await using var replica = await Batches.OpenLeaderAsync(Batches.Options(dir.Path, 1, 1), Batches.Nowhere);
        var (hold, writes) = await HoldSixtyFourWritesAsync(replica);
        using var held = hold;

        // Each writer's proposals now form groups of their own, queued behind the held one.
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({1000 + (w * 100_000) + i})"), Ct);
                Interlocked.Increment(ref written);
            }
        })).ToList();
        var maxBacklog = 0;
        for (var i = 0; i < 30; i++)
        {
            maxBacklog = Math.Max(maxBacklog, replica.ApplyBacklog);
            await Task.Delay(10, Ct);
        }

        Assert.True(maxBacklog >= 2, $"no backlog built up ({maxBacklog})");
        Assert.True(maxBacklog <= 5, $"the applier fell {maxBacklog} groups behind (bound: 4 queued + 1 running)");
        Assert.Equal(0, Volatile.Read(ref written));

        await stop.CancelAsync();
        hold.Release();
        await Task.WhenAll(writers).WaitAsync(Patience, Ct);
        await Task.WhenAll(writes).WaitAsync(Patience, Ct);
        Assert.Equal([(64 + written).ToString(System.Globalization.CultureInfo.InvariantCulture)], Batches.Query(replica, "SELECT count(*) FROM t"));
    }

    /// <summary>Creates table t, then proposes 64 writes as one group and holds that group on the applier.</summary>
    private static async Task<(ApplierHold Hold, List<Task<AppliedBatch>> Writes)> HoldSixtyFourWritesAsync(RaftReplica replica)
    {
        await replica.ProposeAsync(Batches.Sql("CREATE TABLE t (id INT PRIMARY KEY)"), Ct);
        var hold = new ApplierHold(replica);
        var writes = ProposeTogether(replica, 64, 0);
        hold.WaitHeld();
        return (hold, writes);
    }

    /// <summary>Proposes <paramref name="count"/> inserts while the driver is held, so they form one Ready and, once
    /// committed, one group larger than <see cref="RaftReplica.InlineApplyMaxEntries"/> (it goes to the applier).</summary>
    private static List<Task<AppliedBatch>> ProposeTogether(RaftReplica replica, int count, int firstId)
    {
        Assert.True(count > RaftReplica.InlineApplyMaxEntries);
        // Not disposed: this returns as soon as the loop is released (callers queue more behind it at once), while the
        // loop thread may still be inside release.Wait; disposing the events here failed the replica now and then with
        // an ObjectDisposedException on its loop thread.
        var entered = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        replica.RunOnLoop(() =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(10));
        });
        Assert.True(entered.Wait(Patience, Ct));
        var writes = Enumerable.Range(firstId, count).Select(i => replica.ProposeAsync(Batches.Sql($"INSERT INTO t VALUES ({i})"), Ct)).ToList();
        release.Set();
        return writes;
    }

    private static bool OnApplier() => Thread.CurrentThread.Name?.StartsWith("reefdb-apply-", StringComparison.Ordinal) == true;

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for a condition ({state?.Invoke() ?? "no state"})");
            await Task.Delay(5, Ct);
        }
    }

    /// <summary>Holds the applier thread (never the driver) before it applies its next entry, until released.</summary>
    private sealed class ApplierHold : IDisposable
    {
        private readonly ManualResetEventSlim held = new();
        private readonly ManualResetEventSlim released = new();

        public ApplierHold(RaftReplica replica) => replica.BeforeApply = _ =>
        {
            if (OnApplier() && !released.IsSet)
            {
                held.Set();
                released.Wait(Patience);
            }
        };

        public void WaitHeld() => Assert.True(held.Wait(Patience, Ct), "the applier never received a group");

        public void Release() => released.Set();

        public void Dispose()
        {
            // Never leave the applier blocked: a failed assertion would otherwise hang the replica's disposal.
            released.Set();
        }
    }
}
