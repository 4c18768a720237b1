using System.Globalization;
using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage.Snapshots;

/// <summary>A snapshot on disk as the manifest records it: position, membership, payload size and CRC32C.</summary>
internal sealed record SnapshotFile(SnapshotMetadata Metadata, long Size, uint Checksum)
{
    public const string Extension = ".snap";

    public string FileName => string.Create(
        CultureInfo.InvariantCulture, $"{Metadata.Index:D20}-{Metadata.Term:D20}{Extension}");
}
