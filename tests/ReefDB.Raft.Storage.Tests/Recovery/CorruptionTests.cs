namespace ReefDB.Raft.Storage.Tests.Recovery;

/// <summary>Damage that recovery must not repair: each stops the open with an error naming the file.</summary>
public sealed class CorruptionTests
{
    private const long FirstRecord = 32; // after the segment header

    [Fact]
    public void A_flipped_byte_in_a_record_before_the_last_is_corruption()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 5, 1));
        }

        var segment = Assert.Single(dir.Segments());
        Fixtures.FlipByte(segment, FirstRecord + 30);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
        Assert.Equal(segment, error.File);
        Assert.Equal(FirstRecord, error.Offset);
        Assert.Contains(segment, error.Message, StringComparison.Ordinal);
        Assert.Contains("remove its raft directory and re-add it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_at_the_end_of_a_closed_segment_is_corruption()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir, new() { SegmentBytes = 200 }))
        {
            storage.Append(Fixtures.Entries(1, 20, 1));
        }

        var first = dir.Segments()[0];
        Fixtures.FlipByte(first, Fixtures.DataEnd(first) - 1);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
        Assert.Equal(first, error.File);
    }

    [Fact]
    public void A_deleted_middle_segment_is_corruption_naming_the_missing_file()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir, new() { SegmentBytes = 200 }))
        {
            storage.Append(Fixtures.Entries(1, 30, 1));
        }

        var segments = dir.Segments();
        Assert.True(segments.Length >= 3);
        File.Delete(segments[1]);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
        Assert.Equal(segments[1], error.File);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_first_segment_is_corruption()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir, new() { SegmentBytes = 200 }))
        {
            storage.Append(Fixtures.Entries(1, 30, 1));
        }

        var segments = dir.Segments();
        File.Delete(segments[0]);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
        Assert.Equal(segments[0], error.File);
    }

    [Fact]
    public void A_deleted_last_segment_below_the_commit_index_is_corruption()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir, new() { SegmentBytes = 200 }))
        {
            storage.Append(Fixtures.Entries(1, 30, 1));
            storage.SetHardState(new HardState(1, 1, 30));
        }

        File.Delete(dir.Segments()[^1]);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
        Assert.Contains("committed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_whose_checksum_fails_is_corruption()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 10, 1));
            storage.CreateSnapshot(8, Fixtures.Bootstrap, new MemoryStream(new byte[5000]));
        }

        var snapshot = Assert.Single(Directory.GetFiles(dir.SnapshotFolder, "*.snap"));
        Fixtures.FlipByte(snapshot, 4000);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
        Assert.Equal(snapshot, error.File);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_state_file_is_corruption()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.SetHardState(new HardState(4, 2, 0));
        }

        var state = Path.Combine(dir.Path, "state");
        Fixtures.FlipByte(state, 9);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
        Assert.Equal(state, error.File);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("identity")]
    public void A_missing_state_or_identity_file_is_corruption(string name)
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 3, 1));
            storage.SetHardState(new HardState(1, 1, 0));
        }

        var path = Path.Combine(dir.Path, name);
        File.Delete(path);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void Damage_found_when_reading_an_old_entry_back_from_disk_is_corruption()
    {
        using var dir = new TempDirectory();
        using var storage = Fixtures.Open(dir, new() { SegmentBytes = 200, CacheBytes = 50 });
        storage.Append(Fixtures.Entries(1, 30, 1));
        var first = dir.Segments()[0];
        Fixtures.FlipByte(first, FirstRecord + 30);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => storage.Entries(1, 3, ulong.MaxValue));
        Assert.Equal(first, error.File);
        Assert.Equal(FirstRecord, error.Offset);
        Assert.Equal("entry 30 term 1", Fixtures.Text(storage.Entries(30, 31, 0)[0]));
    }
}
