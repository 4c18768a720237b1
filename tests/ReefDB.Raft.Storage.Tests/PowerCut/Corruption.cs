using System.Buffers.Binary;

namespace ReefDB.Raft.Storage.Tests.PowerCut;

/// <summary>Flips one byte of data that was synced before the last power cut and that recovery verifies.</summary>
internal static class Corruption
{
    /// <summary>
    /// Picks, at random, a byte of the state file, the manifest, the newest snapshot, or a log record that is not
    /// the last one of the last segment (that one is indistinguishable from a torn write), and flips it. Run on a
    /// directory that a clean open has just recovered (no torn tail or orphan file left).
    /// </summary>
    /// <returns>The file and offset flipped, or null when the directory holds nothing eligible.</returns>
    public static (string File, long Offset)? FlipSyncedByte(string directory, Random random)
    {
        var candidates = new List<(string File, long From, long To)>
        {
            (Path.Combine(directory, "state"), 0, new FileInfo(Path.Combine(directory, "state")).Length),
        };
        var manifest = Path.Combine(directory, "snapshots", "manifest");
        if (File.Exists(manifest))
        {
            candidates.Add((manifest, 0, new FileInfo(manifest).Length));
            var newest = Directory.GetFiles(Path.Combine(directory, "snapshots"), "*.snap").Order(StringComparer.Ordinal).LastOrDefault();
            if (newest is not null && new FileInfo(newest).Length > 0)
            {
                candidates.Add((newest, 0, new FileInfo(newest).Length));
            }
        }

        var segments = Directory.GetFiles(Path.Combine(directory, "log"), "*.log").Order(StringComparer.Ordinal).ToArray();
        for (var s = 0; s < segments.Length; s++)
        {
            var records = Records(File.ReadAllBytes(segments[s]));
            var eligible = s == segments.Length - 1 ? records.Count - 1 : records.Count;
            // Bytes after the length field: a damaged length is a separate, known weakness (see the final report).
            candidates.AddRange(records.Take(eligible).Select(r => (segments[s], r.Start + 4, r.End)));
        }

        candidates.RemoveAll(c => c.To <= c.From);
        if (candidates.Count == 0)
        {
            return null;
        }

        var (file, from, to) = candidates[random.Next(candidates.Count)];
        var offset = from + random.NextInt64(to - from);
        Fixtures.FlipByte(file, offset);
        return (file, offset);
    }

    /// <summary>The records of a segment: <c>u32 length, u32 crc, body</c> from offset 32 until zeros or the end.</summary>
    public static List<(long Start, long End)> Records(byte[] bytes)
    {
        var records = new List<(long, long)>();
        long position = 32;
        while (position + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)position));
            if (length == 0 || position + 8 + length > bytes.Length)
            {
                break;
            }

            records.Add((position, position + 8 + length));
            position += 8 + length;
        }

        return records;
    }
}
