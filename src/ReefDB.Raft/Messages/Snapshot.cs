namespace ReefDB.Raft.Messages;

/// <summary>A point-in-time image of the state machine, replacing every log entry up to <see cref="SnapshotMetadata.Index"/>.</summary>
/// <param name="Metadata">The position it covers and the membership in force there.</param>
/// <param name="Data">The application's serialized state; opaque to the core.</param>
public sealed record Snapshot(SnapshotMetadata Metadata, ReadOnlyMemory<byte> Data)
{
    /// <summary>The empty snapshot (index 0): "no snapshot".</summary>
    public static Snapshot Empty { get; } = new(SnapshotMetadata.Empty, ReadOnlyMemory<byte>.Empty);

    /// <summary>True for <see cref="Empty"/> or any snapshot at index 0.</summary>
    public bool IsEmpty => Metadata.Index == 0;
}
