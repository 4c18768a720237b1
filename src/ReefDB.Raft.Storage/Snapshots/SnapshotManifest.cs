using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage.Files;

namespace ReefDB.Raft.Storage.Snapshots;

/// <summary>
/// The <c>manifest</c> file: the snapshots kept, newest first, each with index, term, membership, payload size and
/// CRC32C; sealed with its own CRC32C and replaced atomically.
/// </summary>
internal static class SnapshotManifest
{
    private const uint Magic = 0x4D534652; // "RFSM"
    private const uint Version = 1;

    public static void Write(DurableFile durable, string path, IReadOnlyList<SnapshotFile> files)
    {
        var output = new List<byte>(128);
        BinaryCodec.WriteU32(output, Magic);
        BinaryCodec.WriteU32(output, Version);
        BinaryCodec.WriteU32(output, (uint)files.Count);
        foreach (var file in files)
        {
            BinaryCodec.WriteU64(output, file.Metadata.Index);
            BinaryCodec.WriteU64(output, file.Metadata.Term);
            BinaryCodec.WriteU64(output, (ulong)file.Size);
            BinaryCodec.WriteU32(output, file.Checksum);
            BinaryCodec.WriteMembership(output, file.Metadata.Membership);
        }

        durable.WriteAtomically(path, BinaryCodec.Seal(output));
    }

    /// <summary>The snapshots listed, newest first; empty when there is no manifest yet.</summary>
    public static List<SnapshotFile> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var reader = new BinaryCodec.Reader(path, File.ReadAllBytes(path), Magic);
        var version = reader.ReadU32();
        if (version != Version)
        {
            throw new RaftStorageCorruptionException(path, 4, $"unknown manifest version {version}");
        }

        var count = reader.ReadU32();
        var files = new List<SnapshotFile>();
        for (var i = 0; i < count; i++)
        {
            var index = reader.ReadU64();
            var term = reader.ReadU64();
            var size = (long)reader.ReadU64();
            var checksum = reader.ReadU32();
            files.Add(new SnapshotFile(new SnapshotMetadata(index, term, reader.ReadMembership()), size, checksum));
        }

        return files;
    }
}
