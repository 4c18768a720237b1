namespace ReefDB.Sql;

/// <summary>
/// Values the leader stamps into a batch so that every replica computes the same results (DESIGN.md §2):
/// the statement timestamp (<c>now()</c>, <c>current_timestamp</c>) and the seed of <c>random()</c>.
/// </summary>
/// <param name="Timestamp">The batch's timestamp, UTC, microsecond resolution is kept.</param>
/// <param name="RandomSeed">Seeds the batch's random sequence.</param>
public sealed record ExecutionEnvironment(DateTime Timestamp, long RandomSeed)
{
    /// <summary>A fixed environment for tests and tools: 2000-01-01T00:00:00Z, seed 0.</summary>
    public static ExecutionEnvironment Default { get; } = new(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), 0);

    /// <summary>The default text search configuration (a session setting); <c>english</c> unless set.</summary>
    public string DefaultTextSearchConfig { get; init; } = "english";
}
