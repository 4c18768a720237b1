namespace ReefDB.StateMachine.Sessions;

/// <summary>
/// Bounds on the memory kept for exactly-once writes. Both limits are measured in log positions and
/// session counts, never in wall-clock time, so every replica expires the same sessions at the same
/// index (DESIGN.md §6).
/// </summary>
/// <remarks>
/// Changing these values changes apply semantics: every replica of a cluster must use the same policy,
/// which is why it is part of the state machine's format version rather than node configuration.
/// </remarks>
public sealed record SessionPolicy
{
    /// <summary>The policy of apply format 1.</summary>
    public static SessionPolicy Default { get; } = new();

    /// <summary>
    /// A session that has applied nothing for this many log entries is forgotten. A retry arriving later
    /// than that is applied again (documented in docs/CONSISTENCY.md). Default: 1,000,000 entries.
    /// </summary>
    public ulong ExpireAfterEntries { get; init; } = 1_000_000;

    /// <summary>
    /// At most this many sessions are kept; registering one more forgets the least recently active
    /// (lowest last applied index, then lowest client id by ordinal). Default: 10,000.
    /// </summary>
    public int MaxSessions { get; init; } = 10_000;
}
