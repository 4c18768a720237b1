using ReefDB.Raft.Tracker;

namespace ReefDB.Raft.Tests.Tracker;

public sealed class ProgressTests
{
    [Fact]
    public void Probe_pauses_after_one_send_until_answered()
    {
        var progress = new Progress(5, 10, 0, false);
        Assert.False(progress.IsPaused);
        progress.UpdateOnEntriesSend(1, 1, 5);
        Assert.True(progress.IsPaused);
        Assert.True(progress.MaybeUpdate(5));
        Assert.False(progress.IsPaused);
    }

    [Fact]
    public void Probe_ignores_stale_rejections_and_follows_the_hint()
    {
        var progress = new Progress(10, 10, 0, false);
        Assert.False(progress.MaybeDecrTo(5, 2));   // not the latest probe (at Next - 1 = 9)
        Assert.True(progress.MaybeDecrTo(9, 3));
        Assert.Equal(4UL, progress.Next);
    }

    [Fact]
    public void Replicate_streams_within_the_window_and_falls_back_on_rejection()
    {
        var progress = new Progress(1, 2, 0, false);
        progress.MaybeUpdate(0);
        progress.BecomeReplicate();
        progress.UpdateOnEntriesSend(2, 2, 2);
        progress.UpdateOnEntriesSend(2, 2, 4);
        Assert.Equal(5UL, progress.Next);
        Assert.True(progress.IsPaused);
        Assert.True(progress.MaybeUpdate(2));
        progress.Inflights.FreeLE(2);
        Assert.False(progress.IsPaused);
        Assert.False(progress.MaybeDecrTo(2, 0)); // at or below Match: stale
        Assert.True(progress.MaybeDecrTo(4, 0));
        Assert.Equal(3UL, progress.Next);
    }

    [Fact]
    public void Leaving_snapshot_state_probes_after_the_snapshot_only_if_it_arrived()
    {
        var succeeded = new Progress(1, 10, 0, false);
        succeeded.BecomeSnapshot(20);
        Assert.True(succeeded.IsPaused);
        succeeded.BecomeProbe(snapshotSucceeded: true);
        Assert.Equal(21UL, succeeded.Next);

        var failed = new Progress(1, 10, 0, false);
        failed.BecomeSnapshot(20);
        failed.BecomeProbe(snapshotSucceeded: false);
        Assert.Equal(1UL, failed.Next);
    }

    [Fact]
    public void Commit_is_bumped_only_when_it_can_move_the_follower()
    {
        var progress = new Progress(6, 10, 0, false) { SentCommit = 3 };
        Assert.True(progress.CanBumpCommit(4));
        Assert.False(progress.CanBumpCommit(3));
        progress.SentCommit = 5;
        Assert.False(progress.CanBumpCommit(9)); // already covered everything the follower holds (Next - 1)
    }
}
