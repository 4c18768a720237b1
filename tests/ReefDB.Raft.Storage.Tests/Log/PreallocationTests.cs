using System.Buffers.Binary;
using ReefDB.Raft.Storage.Files;
using ReefDB.Raft.Storage.Log;

namespace ReefDB.Raft.Storage.Tests.Log;

/// <summary>Segments are preallocated with zeros ahead of the records; the zeros read as the end of the log, never as
/// a torn write or corruption, and a torn record inside them is still cut off.</summary>
public sealed class PreallocationTests
{
    [Fact]
    public void An_append_preallocates_zeros_that_later_appends_overwrite_without_growing_the_file()
    {
        using var dir = new TempDirectory();
        using var storage = Fixtures.Open(dir);
        storage.Append(Fixtures.Entries(1, 3, 1));
        var segment = Assert.Single(dir.Segments());
        Assert.Equal(SegmentedLog.PreallocationStep, new FileInfo(segment).Length);
        var firstEnd = Fixtures.DataEnd(segment);

        storage.Append(Fixtures.Entries(4, 50, 1));

        Assert.Equal(SegmentedLog.PreallocationStep, new FileInfo(segment).Length);
        Assert.True(Fixtures.DataEnd(segment) > firstEnd);
        Assert.Equal(storage.LogBytesOnDisk, Fixtures.DataEnd(segment));
    }

    [Fact]
    public void Reopening_again_and_again_reads_the_zeros_as_the_end_of_the_log_without_a_warning()
    {
        using var dir = new TempDirectory();
        for (ulong round = 0; round < 4; round++)
        {
            using var storage = Fixtures.Open(dir);
            Assert.Empty(storage.RecoveryWarnings);
            Assert.Equal(round * 10, storage.LastIndex);
            storage.Append(Fixtures.Entries((round * 10) + 1, (round + 1) * 10, round + 1));
        }

        using var reopened = Fixtures.Open(dir);
        Assert.Empty(reopened.RecoveryWarnings);
        var entries = reopened.Entries(1, 41, ulong.MaxValue);
        Assert.Equal(40, entries.Count);
        Assert.Equal("entry 21 term 3", Fixtures.Text(entries[20]));
        Assert.Equal(4UL, reopened.Term(40));
        Assert.Equal(SegmentedLog.PreallocationStep, new FileInfo(Assert.Single(dir.Segments())).Length);
    }

    [Fact]
    public void A_torn_record_inside_the_preallocated_space_is_cut_off_and_the_log_goes_on_after_it()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 5, 1));
        }

        // The crash: the next record's first bytes landed in the preallocated zeros, the rest did not.
        var segment = Assert.Single(dir.Segments());
        var end = Fixtures.DataEnd(segment);
        var record = new byte[LogRecord.EncodedSize(Fixtures.Make(6, 1))];
        LogRecord.Encode(Fixtures.Make(6, 1), record);
        WriteAt(segment, end, record.AsSpan(0, record.Length / 2));

        using (var reopened = Fixtures.Open(dir))
        {
            Assert.Equal(5UL, reopened.LastIndex);
            Assert.Contains("torn", Assert.Single(reopened.RecoveryWarnings), StringComparison.Ordinal);
            reopened.Append(Fixtures.Entries(6, 8, 2, padding: 3));
        }

        using var again = Fixtures.Open(dir);
        Assert.Empty(again.RecoveryWarnings);
        Assert.Equal(8UL, again.LastIndex);
        Assert.Equal("entry 6 term 2xxx", Fixtures.Text(again.Entries(6, 7, 0)[0]));
    }

    [Fact]
    public void Bytes_after_the_zeros_of_a_closed_segment_are_corruption_not_the_end()
    {
        using var dir = new TempDirectory();
        var options = new DurableRaftStorageOptions { SegmentBytes = 500 };
        using (var storage = Fixtures.Open(dir, options))
        {
            storage.Append(Fixtures.Entries(1, 30, 1));
        }

        var closed = dir.Segments()[0];
        var end = Fixtures.DataEnd(closed);
        WriteAt(closed, 499, [7]);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir, options));
        Assert.Equal(closed, error.File);
        Assert.Equal(end, error.Offset);
    }

    [Fact]
    public void Closed_segments_keep_their_zero_tail_and_read_back_after_a_restart()
    {
        using var dir = new TempDirectory();
        var options = new DurableRaftStorageOptions { SegmentBytes = 500, CacheBytes = 10 };
        using (var storage = Fixtures.Open(dir, options))
        {
            for (ulong i = 1; i <= 60; i += 6)
            {
                storage.Append(Fixtures.Entries(i, i + 5, 1));
            }
        }

        var segments = dir.Segments();
        Assert.True(segments.Length > 3, $"{segments.Length} segments");
        Assert.All(segments[..^1], s => Assert.Equal(500, new FileInfo(s).Length));
        Assert.All(segments[..^1], s => Assert.True(Fixtures.DataEnd(s) < 500));

        using (var reopened = Fixtures.Open(dir, options))
        {
            Assert.Empty(reopened.RecoveryWarnings);
            var entries = reopened.Entries(1, 61, ulong.MaxValue);
            Assert.Equal(Enumerable.Range(1, 60).Select(i => $"entry {i} term 1"), entries.Select(Fixtures.Text));
            reopened.Append(Fixtures.Entries(61, 90, 9));
        }

        using var again = Fixtures.Open(dir, options);
        Assert.Empty(again.RecoveryWarnings);
        Assert.Equal(90UL, again.LastIndex);
        Assert.Equal("entry 75 term 9", Fixtures.Text(again.Entries(75, 76, 0)[0]));
    }

    [Fact]
    public void Overwriting_a_suffix_leaves_no_stale_record_after_the_new_ones()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 10, 1, padding: 50));
            storage.Append(Fixtures.Entries(6, 7, 2));
        }

        using var reopened = Fixtures.Open(dir);
        Assert.Empty(reopened.RecoveryWarnings);
        Assert.Equal(7UL, reopened.LastIndex);
        Assert.Equal("entry 7 term 2", Fixtures.Text(reopened.Entries(7, 8, 0)[0]));
    }

    [Fact]
    public void A_last_segment_holding_only_zeros_never_got_its_header_and_is_removed()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 5, 1));
        }

        File.WriteAllBytes(Path.Combine(dir.LogFolder, "00000000000000000006.log"), new byte[4096]);

        using var reopened = Fixtures.Open(dir);
        Assert.Equal(5UL, reopened.LastIndex);
        Assert.Single(reopened.RecoveryWarnings);
        Assert.Single(dir.Segments());
    }

    [Fact]
    public void A_segment_in_the_format_before_preallocation_is_refused_with_a_clear_error()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 5, 1));
        }

        var segment = Assert.Single(dir.Segments());
        var header = File.ReadAllBytes(segment).AsSpan(0, 32).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), Crc32C.Compute(header.AsSpan(0, 24)));
        WriteAt(segment, 0, header);

        var error = Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
        Assert.Equal(segment, error.File);
        Assert.Contains("format version 1, written by an older ReefDB", error.Message, StringComparison.Ordinal);
    }

    private static void WriteAt(string path, long offset, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Position = offset;
        stream.Write(bytes);
    }
}
