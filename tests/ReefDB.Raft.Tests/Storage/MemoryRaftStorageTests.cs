using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Raft.Tests.Storage;

public sealed class MemoryRaftStorageTests
{
    private static MemoryRaftStorage WithLog(int count)
    {
        var storage = new MemoryRaftStorage(new Membership([1]));
        storage.Append([.. Enumerable.Range(1, count).Select(i => new Entry(1, (ulong)i, EntryType.Normal, new byte[10]))]);
        return storage;
    }

    [Fact]
    public void Entries_are_size_limited_but_never_empty()
    {
        var storage = WithLog(5);
        Assert.Equal(2, storage.Entries(1, 6, 25).Count);
        Assert.Single(storage.Entries(1, 6, 0));
        Assert.Equal(5, storage.Entries(1, 6, ulong.MaxValue).Count);
    }

    [Fact]
    public void Compaction_keeps_the_term_of_the_compaction_point()
    {
        var storage = WithLog(5);
        storage.CreateSnapshot(3, new Membership([1]), "s"u8.ToArray());
        storage.Compact(3);
        Assert.Equal(4UL, storage.FirstIndex);
        Assert.Equal(5UL, storage.LastIndex);
        Assert.Equal(1UL, storage.Term(3));
        var compacted = Assert.Throws<RaftStorageException>(() => storage.Term(2));
        Assert.Equal(StorageError.Compacted, compacted.Error);
        Assert.Equal(StorageError.Compacted, Assert.Throws<RaftStorageException>(() => storage.Entries(3, 5, ulong.MaxValue)).Error);
        Assert.Equal(StorageError.Unavailable, Assert.Throws<RaftStorageException>(() => storage.Term(6)).Error);
    }

    [Fact]
    public void Append_replaces_a_conflicting_suffix()
    {
        var storage = WithLog(5);
        storage.Append([new Entry(2, 3, EntryType.Normal, default)]);
        Assert.Equal(3UL, storage.LastIndex);
        Assert.Equal(2UL, storage.Term(3));
        Assert.Throws<InvalidOperationException>(() => storage.Append([new Entry(2, 9, EntryType.Normal, default)]));
    }

    [Fact]
    public void Applying_a_snapshot_replaces_the_log_and_refuses_older_ones()
    {
        var storage = WithLog(5);
        var snapshot = new Snapshot(new SnapshotMetadata(10, 3, new Membership([1, 2])), "x"u8.ToArray());
        storage.ApplySnapshot(snapshot);
        Assert.Equal(11UL, storage.FirstIndex);
        Assert.Equal(10UL, storage.LastIndex);
        Assert.Equal(new Membership([1, 2]), storage.InitialState().Membership);
        var older = new Snapshot(new SnapshotMetadata(8, 3, new Membership([1])), default);
        Assert.Equal(StorageError.SnapshotOutOfDate, Assert.Throws<RaftStorageException>(() => storage.ApplySnapshot(older)).Error);
    }
}
