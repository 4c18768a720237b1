using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage.Tests;

internal static class Fixtures
{
    public static readonly NodeIdentity Identity = new("cluster-a", 1);

    public static readonly Membership Bootstrap = new([1UL, 2UL, 3UL]);

    public static DurableRaftStorage Open(TempDirectory dir, DurableRaftStorageOptions? options = null) =>
        DurableRaftStorage.Open(dir.Path, Identity, Bootstrap, options);

    /// <summary>Entries [from, to] of <paramref name="term"/>, each payload naming its index.</summary>
    public static Entry[] Entries(ulong from, ulong to, ulong term, int padding = 0) =>
        [.. Enumerable.Range(0, (int)(to - from + 1)).Select(i => Make(from + (ulong)i, term, padding))];

    public static Entry Make(ulong index, ulong term, int padding = 0) =>
        new(term, index, EntryType.Normal, System.Text.Encoding.UTF8.GetBytes($"entry {index} term {term}" + new string('x', padding)));

    public static string Text(Entry entry) => System.Text.Encoding.UTF8.GetString(entry.Data.Span);

    /// <summary>Where the records of a segment end: the zeros after them are preallocated space.</summary>
    public static long DataEnd(string path) => File.ReadAllBytes(path).AsSpan().LastIndexOfAnyExcept((byte)0) + 1;

    public static void FlipByte(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var value = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(value ^ 0x5A));
    }
}
