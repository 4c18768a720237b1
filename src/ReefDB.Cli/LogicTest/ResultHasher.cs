using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ReefDB.Cli.LogicTest;

/// <summary>
/// The hash sqllogictest writes for large results: md5 over each printed value followed by a newline,
/// in comparison order, as lowercase hex.
/// </summary>
internal static class ResultHasher
{
    /// <summary>The md5 of <paramref name="values"/>, each followed by <c>\n</c>.</summary>
    public static string Md5(IEnumerable<string> values)
    {
        // md5 is what the file format prescribes; nothing here depends on it resisting attacks.
#pragma warning disable CA5351
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        var buffer = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            foreach (var value in values)
            {
                var length = Encoding.UTF8.GetMaxByteCount(value.Length) + 1;
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                var written = Encoding.UTF8.GetBytes(value, buffer);
                buffer[written] = (byte)'\n';
                md5.AppendData(buffer, 0, written + 1);
            }

            return Convert.ToHexStringLower(md5.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
