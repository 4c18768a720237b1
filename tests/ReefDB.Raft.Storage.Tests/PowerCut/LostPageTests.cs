namespace ReefDB.Raft.Storage.Tests.PowerCut;

/// <summary>
/// A power cut may keep later pages of the interrupted write and lose earlier ones (zeros): recovery truncates there,
/// with a warning, even though valid records follow; a damaged byte without a lost page is still refused.
/// </summary>
public sealed class LostPageTests
{
    [Fact]
    public void A_lost_page_inside_the_last_write_is_a_torn_tail_even_with_valid_records_after_it()
    {
        using var dir = new TempDirectory();
        var (segment, records) = Write(dir);
        var page = 2 * PowerCutFileSystem.PageSize;
        var hit = records.FindIndex(r => r.Start < page && r.End > page);
        Assert.True(hit > 0 && hit < records.Count - 2);
        Zero(segment, page, PowerCutFileSystem.PageSize);

        using var reopened = Fixtures.Open(dir);
        Assert.Equal((ulong)hit, reopened.LastIndex);
        Assert.Contains("torn", Assert.Single(reopened.RecoveryWarnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_starting_in_a_lost_page_is_a_torn_tail()
    {
        using var dir = new TempDirectory();
        var (segment, records) = Write(dir);
        var hit = records.FindIndex(r => r.Start % PowerCutFileSystem.PageSize > PowerCutFileSystem.PageSize - 600);
        Assert.True(hit > 0 && hit < records.Count - 2);
        var start = records[hit].Start;
        Zero(segment, start, (int)(PowerCutFileSystem.PageSize - start % PowerCutFileSystem.PageSize));

        using var reopened = Fixtures.Open(dir);
        Assert.Equal((ulong)hit, reopened.LastIndex);
    }

    [Fact]
    public void A_flipped_byte_followed_by_valid_records_is_still_corruption()
    {
        using var dir = new TempDirectory();
        var (segment, records) = Write(dir);
        Fixtures.FlipByte(segment, records[3].Start + 40);

        Assert.Throws<RaftStorageCorruptionException>(() => Fixtures.Open(dir));
    }

    /// <summary>40 entries of 300 to 700 bytes (random, non-zero payloads) in one segment.</summary>
    private static (string Segment, List<(long Start, long End)> Records) Write(TempDirectory dir)
    {
        var random = new Random(7);
        using (var storage = Fixtures.Open(dir))
        {
            storage.Append([.. Enumerable.Range(1, 40).Select(i =>
            {
                var payload = new byte[random.Next(300, 700)];
                random.NextBytes(payload);
                payload.AsSpan().Replace((byte)0, (byte)1);
                return new Raft.Messages.Entry(1, (ulong)i, Raft.Messages.EntryType.Normal, payload);
            })]);
        }

        var segment = Assert.Single(dir.Segments());
        return (segment, Corruption.Records(File.ReadAllBytes(segment)));
    }

    private static void Zero(string path, long offset, int count)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.Position = offset;
        stream.Write(new byte[count]);
    }
}
