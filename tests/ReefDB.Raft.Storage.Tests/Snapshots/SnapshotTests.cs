using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage.Tests.Snapshots;

public sealed class SnapshotTests
{
    [Fact]
    public void The_last_two_snapshots_are_kept_and_the_newest_streams_back()
    {
        using var dir = new TempDirectory();
        var newer = new Membership([1UL, 2UL], [4UL]);
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 30, 2));
            storage.CreateSnapshot(10, Fixtures.Bootstrap, new MemoryStream([10]));
            storage.CreateSnapshot(20, Fixtures.Bootstrap, new MemoryStream([20]));
            storage.CreateSnapshot(30, newer, new MemoryStream(Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray()));
            Assert.Throws<RaftStorageException>(() => storage.CreateSnapshot(25, newer, new MemoryStream()));
        }

        Assert.Equal(2, Directory.GetFiles(dir.SnapshotFolder, "*.snap").Length);
        using var reopened = Fixtures.Open(dir);
        Assert.Equal(new SnapshotMetadata(30, 2, newer), reopened.SnapshotMetadata);
        Assert.Equal(newer, reopened.InitialState().Membership);
        Assert.Equal(31UL, reopened.FirstIndex);
        Assert.Equal(30UL, reopened.LastIndex);
        using var stream = reopened.OpenSnapshot();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(300_000, copy.Length);
        Assert.Equal((byte)(299_999 % 256), copy.ToArray()[^1]);
    }

    [Fact]
    public void A_snapshot_from_the_leader_replaces_the_log()
    {
        using var dir = new TempDirectory();
        var membership = new Membership([1UL, 5UL]);
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 10, 1));
            storage.ApplySnapshot(new Snapshot(new SnapshotMetadata(50, 3, membership), new byte[] { 7, 7 }));
            Assert.Equal(51UL, storage.FirstIndex);
            Assert.Equal(50UL, storage.LastIndex);
            Assert.Equal(3UL, storage.Term(50));
            storage.Append(Fixtures.Entries(51, 52, 3));
            Assert.Throws<RaftStorageException>(() => storage.ApplySnapshot(new Snapshot(new SnapshotMetadata(40, 3, membership), new byte[] { 1 })));
        }

        using var reopened = Fixtures.Open(dir);
        Assert.Empty(reopened.RecoveryWarnings);
        Assert.Equal(51UL, reopened.FirstIndex);
        Assert.Equal(52UL, reopened.LastIndex);
        Assert.Equal(membership, reopened.InitialState().Membership);
        Assert.Equal(new byte[] { 7, 7 }, reopened.Snapshot().Data.ToArray());
    }

    [Fact]
    public void A_log_left_stale_by_an_interrupted_snapshot_install_is_discarded_at_open()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 10, 1));
        }

        // The crash: the leader's snapshot (index 50, term 3) reached the manifest, the log reset did not.
        var other = new TempDirectory();
        try
        {
            using (var donor = DurableRaftStorage.Open(other.Path, Fixtures.Identity, Fixtures.Bootstrap))
            {
                donor.ApplySnapshot(new Snapshot(new SnapshotMetadata(50, 3, Fixtures.Bootstrap), new byte[] { 1 }));
            }

            Directory.Delete(dir.SnapshotFolder, recursive: true);
            Directory.Move(other.SnapshotFolder, dir.SnapshotFolder);
        }
        finally
        {
            other.Dispose();
        }

        using var reopened = Fixtures.Open(dir);
        Assert.Equal(51UL, reopened.FirstIndex);
        Assert.Equal(50UL, reopened.LastIndex);
        Assert.Contains(reopened.RecoveryWarnings, w => w.Contains("Discarded the log", StringComparison.Ordinal));
    }
}
