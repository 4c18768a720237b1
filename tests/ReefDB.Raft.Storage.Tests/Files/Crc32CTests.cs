using System.Text;
using ReefDB.Raft.Storage.Files;

namespace ReefDB.Raft.Storage.Tests.Files;

public sealed class Crc32CTests
{
    // Known CRC32C vectors: the "check" value and RFC 3720 (iSCSI) appendix B.4.
    public static TheoryData<byte[], uint> Vectors => new()
    {
        { Encoding.ASCII.GetBytes("123456789"), 0xE3069283 },
        { [], 0x00000000 },
        { new byte[32], 0x8A9136AA },
        { Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0x62A8AB43 },
        { Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46DD794E },
        { Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray(), 0x113FDB5C },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Known_vectors_match_on_the_fast_path_and_the_table(byte[] data, uint expected)
    {
        Assert.Equal(expected, Crc32C.Compute(data));
        Assert.Equal(expected, Crc32C.ComputeWithTable(data));
    }

    [Fact]
    public void Appending_in_pieces_equals_computing_at_once()
    {
        var random = new Random(42);
        for (var round = 0; round < 50; round++)
        {
            var data = new byte[random.Next(0, 200)];
            random.NextBytes(data);
            var split = random.Next(0, data.Length + 1);
            var whole = Crc32C.Compute(data);
            Assert.Equal(whole, Crc32C.Append(Crc32C.Compute(data.AsSpan(0, split)), data.AsSpan(split)));
            Assert.Equal(whole, Crc32C.ComputeWithTable(data));
        }
    }
}
