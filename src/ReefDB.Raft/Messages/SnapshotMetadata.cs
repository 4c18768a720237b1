using ReefDB.Raft.Configuration;

namespace ReefDB.Raft.Messages;

/// <summary>Where a snapshot sits in the log, and the membership in force at that point.</summary>
/// <param name="Index">The last log index the snapshot includes.</param>
/// <param name="Term">The term of the entry at <paramref name="Index"/>.</param>
/// <param name="Membership">The membership after applying every entry up to <paramref name="Index"/>.</param>
public sealed record SnapshotMetadata(ulong Index, ulong Term, Membership Membership)
{
    /// <summary>No snapshot: index 0, term 0, no members.</summary>
    public static SnapshotMetadata Empty { get; } = new(0, 0, Membership.Empty);
}
