namespace ReefDB.Raft.Storage.Tests.Log;

public sealed class LogTests
{
    [Fact]
    public void Reopening_keeps_entries_hard_state_and_membership()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir, new() { SegmentBytes = 300 }))
        {
            storage.Append(Fixtures.Entries(1, 20, 1));
            storage.Append(Fixtures.Entries(15, 25, 2));
            storage.SetHardState(new HardState(2, 3, 12));
        }

        using var reopened = Fixtures.Open(dir);
        Assert.Empty(reopened.RecoveryWarnings);
        Assert.Equal(1UL, reopened.FirstIndex);
        Assert.Equal(25UL, reopened.LastIndex);
        Assert.Equal(new HardState(2, 3, 12), reopened.InitialState().HardState);
        Assert.Equal(Fixtures.Bootstrap, reopened.InitialState().Membership);
        var entries = reopened.Entries(1, 26, ulong.MaxValue);
        Assert.Equal("entry 14 term 1", Fixtures.Text(entries[13]));
        Assert.Equal("entry 15 term 2", Fixtures.Text(entries[14]));
        Assert.Equal(2UL, reopened.Term(25));
        Assert.True(dir.Segments().Length > 1, "small segments should have rotated");
    }

    [Fact]
    public void Fsync_policy_is_reported()
    {
        using var dir = new TempDirectory();
        using (var always = Fixtures.Open(dir))
        {
            Assert.Equal(FsyncPolicy.Always, always.FsyncPolicy);
        }

        using var none = Fixtures.Open(dir, new() { Fsync = FsyncPolicy.None });
        Assert.Equal(FsyncPolicy.None, none.FsyncPolicy);
    }

    [Fact]
    public void A_gap_after_the_last_entry_is_refused()
    {
        using var dir = new TempDirectory();
        using var storage = Fixtures.Open(dir);
        storage.Append(Fixtures.Entries(1, 3, 1));
        Assert.Throws<InvalidOperationException>(() => storage.Append(Fixtures.Entries(5, 6, 1)));
        Assert.Equal(3UL, storage.LastIndex);
    }

    [Fact]
    public void Log_size_on_disk_falls_after_a_snapshot_and_compaction()
    {
        using var dir = new TempDirectory();
        long before;
        using (var storage = Fixtures.Open(dir, new() { SegmentBytes = 1024, Fsync = FsyncPolicy.None }))
        {
            for (ulong i = 1; i <= 100; i += 10)
            {
                storage.Append(Fixtures.Entries(i, i + 9, 1, padding: 100));
            }

            before = storage.LogBytesOnDisk;
            var segmentsBefore = dir.Segments().Length;
            storage.CreateSnapshot(90, Fixtures.Bootstrap, new MemoryStream([1, 2, 3]));
            Assert.Throws<InvalidOperationException>(() => storage.Compact(95));
            storage.Compact(90);
            Assert.True(storage.LogBytesOnDisk < before / 4, $"{storage.LogBytesOnDisk} bytes left of {before}");
            Assert.True(dir.Segments().Length < segmentsBefore);
            Assert.Equal(91UL, storage.FirstIndex);
            Assert.Throws<RaftStorageException>(() => storage.Entries(90, 91, ulong.MaxValue));
        }

        using var reopened = Fixtures.Open(dir);
        Assert.Equal(91UL, reopened.FirstIndex);
        Assert.Equal(100UL, reopened.LastIndex);
        Assert.Equal(1UL, reopened.Term(90));
        Assert.Equal("entry 91 term 1" + new string('x', 100), Fixtures.Text(reopened.Entries(91, 92, 0)[0]));
    }

    [Fact]
    public void A_second_open_of_the_same_directory_is_refused()
    {
        using var dir = new TempDirectory();
        using var storage = Fixtures.Open(dir);
        Assert.Throws<IOException>(() => Fixtures.Open(dir));
    }
}
