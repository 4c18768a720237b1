using ReefDB.Storage.Snapshots;
using ReefDB.Storage.Trees;

namespace ReefDB.Storage.Tests.Snapshots;

public sealed class TreeSnapshotTests
{
    private static readonly LongStringCodec Codec = new();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(200_000)]
    public void A_tree_round_trips_through_a_snapshot(int size)
    {
        var tree = Tree(size);
        var restored = RoundTrip(tree);
        TreeValidator.Validate(restored);
        Assert.Equal(tree, restored);
    }

    [Fact]
    public void Several_trees_follow_one_another_in_one_stream()
    {
        using var stream = new MemoryStream();
        TreeSnapshot.Write(stream, Tree(70_000), Codec);
        TreeSnapshot.Write(stream, Tree(3), Codec);
        stream.WriteByte(0xEE);
        stream.Position = 0;

        Assert.Equal(70_000, TreeSnapshot.Read(stream, Comparer<long>.Default, Codec).Count);
        Assert.Equal(Tree(3), TreeSnapshot.Read(stream, Comparer<long>.Default, Codec));
        Assert.Equal(0xEE, stream.ReadByte());
    }

    [Fact]
    public void Every_truncation_fails_cleanly()
    {
        byte[] bytes = Bytes(Tree(300));
        for (int length = 0; length < bytes.Length; length++)
        {
            using var truncated = new MemoryStream(bytes, 0, length);
            Assert.Throws<InvalidDataException>(() => TreeSnapshot.Read(truncated, Comparer<long>.Default, Codec));
        }
    }

    [Fact]
    public void Every_corrupted_byte_fails_cleanly()
    {
        byte[] bytes = Bytes(Tree(300));
        for (int i = 0; i < bytes.Length; i++)
        {
            byte[] copy = (byte[])bytes.Clone();
            copy[i] ^= 0x41;
            using var corrupt = new MemoryStream(copy);
            Assert.Throws<InvalidDataException>(() => TreeSnapshot.Read(corrupt, Comparer<long>.Default, Codec));
        }
    }

    [Fact]
    public void Keys_out_of_order_for_the_reading_comparer_are_rejected()
    {
        using var stream = new MemoryStream(Bytes(Tree(10)));
        var descending = Comparer<long>.Create((a, b) => b.CompareTo(a));
        Assert.Throws<InvalidDataException>(() => TreeSnapshot.Read(stream, descending, Codec));
    }

    private static PersistentTree<long, string> Tree(int size) =>
        PersistentTree<long, string>.FromSorted(Enumerable.Range(0, size).Select(i => KeyValuePair.Create(i * 3L, new string((char)('a' + (i % 26)), i % 40))));

    private static PersistentTree<long, string> RoundTrip(PersistentTree<long, string> tree)
    {
        using var stream = new MemoryStream(Bytes(tree));
        return TreeSnapshot.Read(stream, Comparer<long>.Default, Codec);
    }

    private static byte[] Bytes(PersistentTree<long, string> tree)
    {
        using var stream = new MemoryStream();
        TreeSnapshot.Write(stream, tree, Codec);
        return stream.ToArray();
    }

    private sealed class LongStringCodec : ITreeEntryCodec<long, string>
    {
        public void Write(BinaryWriter writer, long key, string value)
        {
            writer.Write(key);
            writer.Write(value);
        }

        public KeyValuePair<long, string> Read(BinaryReader reader) => KeyValuePair.Create(reader.ReadInt64(), reader.ReadString());
    }
}
