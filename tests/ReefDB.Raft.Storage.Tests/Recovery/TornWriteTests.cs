namespace ReefDB.Raft.Storage.Tests.Recovery;

/// <summary>What a crash mid-write leaves behind, which recovery repairs (with a warning) or ignores.</summary>
public sealed class TornWriteTests
{
    [Fact]
    public void A_partly_written_last_record_is_truncated_with_a_warning()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 5, 1));
        }

        var segment = Assert.Single(dir.Segments());
        var length = Fixtures.DataEnd(segment);
        using (var stream = new FileStream(segment, FileMode.Open))
        {
            stream.SetLength(length - 7);
        }

        var reported = new List<string>();
        using (var reopened = Fixtures.Open(dir, new() { OnWarning = reported.Add }))
        {
            Assert.Equal(4UL, reopened.LastIndex);
            var warning = Assert.Single(reopened.RecoveryWarnings);
            Assert.Contains("torn", warning, StringComparison.Ordinal);
            Assert.Equal(reported, reopened.RecoveryWarnings);
            reopened.Append(Fixtures.Entries(5, 6, 2));
        }

        using var again = Fixtures.Open(dir);
        Assert.Empty(again.RecoveryWarnings);
        Assert.Equal(6UL, again.LastIndex);
        Assert.Equal("entry 5 term 2", Fixtures.Text(again.Entries(5, 6, 0)[0]));
    }

    [Fact]
    public void A_last_record_with_a_bad_checksum_or_zeros_after_it_is_truncated()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 5, 1));
        }

        var segment = Assert.Single(dir.Segments());
        Fixtures.FlipByte(segment, Fixtures.DataEnd(segment) - 2);
        File.AppendAllBytes(segment, new byte[4096]);

        using var reopened = Fixtures.Open(dir);
        Assert.Equal(4UL, reopened.LastIndex);
        Assert.Single(reopened.RecoveryWarnings);
    }

    [Fact]
    public void Hard_state_survives_a_crash_between_the_temporary_write_and_the_rename()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.SetHardState(new HardState(3, 1, 0));
        }

        // The crash: a newer state file was written to the temporary name (even completely) but never renamed.
        var state = Path.Combine(dir.Path, "state");
        File.WriteAllBytes(state + ".tmp", File.ReadAllBytes(state)[..10]);

        using var reopened = Fixtures.Open(dir);
        Assert.Equal(new HardState(3, 1, 0), reopened.HardState);
        Assert.Contains(reopened.RecoveryWarnings, w => w.Contains("state.tmp", StringComparison.Ordinal));
        Assert.False(File.Exists(state + ".tmp"));
    }

    [Fact]
    public void A_segment_whose_header_never_landed_is_removed()
    {
        using var dir = new TempDirectory();
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append(Fixtures.Entries(1, 5, 1));
        }

        File.WriteAllBytes(Path.Combine(dir.LogFolder, "00000000000000000006.log"), new byte[10]);

        using var reopened = Fixtures.Open(dir);
        Assert.Equal(5UL, reopened.LastIndex);
        Assert.Single(reopened.RecoveryWarnings);
        reopened.Append(Fixtures.Entries(6, 6, 1));
    }
}
