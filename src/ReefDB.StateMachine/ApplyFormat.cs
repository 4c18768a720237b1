namespace ReefDB.StateMachine;

/// <summary>
/// Versions of apply semantics. A batch records the version it was proposed under; a binary applies
/// every version it knows the way that version meant, so a log written by an older binary replays to the
/// same state on a newer one (DESIGN.md §2).
/// </summary>
public static class ApplyFormat
{
    /// <summary>
    /// Version 1: the batch is one transaction (all statements take effect or none); statements are SQL
    /// texts with their parameters; client sessions follow <see cref="Sessions.SessionPolicy.Default"/>.
    /// </summary>
    public const uint V1 = 1;

    /// <summary>The version new batches are proposed with.</summary>
    public const uint Current = V1;

    /// <summary>Whether this binary knows how to apply <paramref name="version"/>.</summary>
    public static bool IsSupported(uint version) => version == V1;
}
