using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage.Tests.Snapshots;

/// <summary>Snapshot payloads written off the driving thread and adopted by a rename.</summary>
public sealed class SnapshotFileWriterTests
{
    [Fact]
    public async Task A_payload_written_on_another_thread_is_adopted_and_survives_reopen()
    {
        using var dir = new TempDirectory();
        var payload = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 20, 1));
            using var writer = storage.BeginSnapshot();
            await Task.Run(() =>
            {
                writer.Write(payload.AsSpan(0, 1000));
                writer.Write(payload.AsSpan(1000));
                writer.Complete();
            }, TestContext.Current.CancellationToken);

            var metadata = storage.CreateSnapshot(15, Fixtures.Bootstrap, writer);
            storage.Compact(15);
            Assert.Equal(new SnapshotMetadata(15, 1, Fixtures.Bootstrap), metadata);
            Assert.Equal(storage.SnapshotPath, Directory.GetFiles(dir.SnapshotFolder, "*.snap").Single());
        }

        Assert.Empty(Directory.GetFiles(dir.SnapshotFolder, "*.tmp"));
        using var reopened = Fixtures.Open(dir);
        Assert.Equal(15UL, reopened.SnapshotMetadata.Index);
        using var copy = new MemoryStream();
        using (var stream = reopened.OpenSnapshot())
        {
            stream.CopyTo(copy);
        }

        Assert.Equal(payload, copy.ToArray());
    }

    [Fact]
    public void A_payload_received_from_the_leader_replaces_the_log_by_rename()
    {
        using var dir = new TempDirectory();
        var membership = new Membership([1UL, 5UL]);
        using var storage = Fixtures.Open(dir);
        storage.Append(Fixtures.Entries(1, 5, 1));
        using var writer = storage.BeginSnapshot();
        writer.Write([1, 2, 3]);
        writer.Complete();

        storage.ApplySnapshot(new SnapshotMetadata(50, 3, membership), writer);

        Assert.Equal(51UL, storage.FirstIndex);
        Assert.Equal(50UL, storage.LastIndex);
        Assert.Equal(3UL, storage.Term(50));
        Assert.Equal(membership, storage.InitialState().Membership);
    }

    [Fact]
    public void An_abandoned_writer_leaves_nothing_and_an_incomplete_one_cannot_be_adopted()
    {
        using var dir = new TempDirectory();
        using var storage = Fixtures.Open(dir);
        storage.Append(Fixtures.Entries(1, 5, 1));
        var incomplete = storage.BeginSnapshot();
        incomplete.Write([1, 2, 3]);

        Assert.Throws<InvalidOperationException>(() => storage.CreateSnapshot(5, Fixtures.Bootstrap, incomplete));
        incomplete.Dispose();

        Assert.Empty(Directory.GetFiles(dir.SnapshotFolder));
    }

    [Fact]
    public void A_payload_left_by_a_crash_is_deleted_at_open_with_a_warning()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 5, 1));
            var writer = storage.BeginSnapshot();
            writer.Write([1, 2, 3]);
            writer.Flush();
            // No Complete, no Dispose: the process died here.
        }

        using var reopened = Fixtures.Open(dir);
        Assert.Contains(reopened.RecoveryWarnings, w => w.Contains("not listed in the manifest", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(dir.SnapshotFolder));
    }

    [Fact]
    public void The_commit_index_reported_at_restart_is_at_least_the_snapshot_index()
    {
        // A driver may persist a commit-only change lazily; a snapshot covers only committed entries, so the core must
        // not be told a commit index below it (it refuses to start).
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 20, 1));
            storage.SetHardState(new HardState(1, 1, 3));
            storage.CreateSnapshot(12, Fixtures.Bootstrap, new MemoryStream([1]));
        }

        using var reopened = Fixtures.Open(dir);
        Assert.Equal(new HardState(1, 1, 12), reopened.InitialState().HardState);
        Assert.Equal(new HardState(1, 1, 3), reopened.HardState);
    }
}
