namespace ReefDB.Sql;

/// <summary>
/// The result of executing a batch: the database version to publish and one result per statement, in
/// statement order. <see cref="Version"/> is the input version itself when nothing was changed (a
/// read-only batch, or every change rolled back).
/// </summary>
public sealed class BatchOutcome
{
    internal BatchOutcome(DatabaseVersion version, IReadOnlyList<StatementResult> results, bool endedInTransaction)
    {
        Version = version;
        Results = results;
        EndedInTransaction = endedInTransaction;
    }

    /// <summary>The version after the batch (publish it with one atomic swap).</summary>
    public DatabaseVersion Version { get; }

    /// <summary>One result per statement of the batch.</summary>
    public IReadOnlyList<StatementResult> Results { get; }

    /// <summary>True when any statement failed.</summary>
    public bool HasErrors => Results.Any(r => r.IsError);

    /// <summary>
    /// True when the batch ended inside a BEGIN without COMMIT or ROLLBACK; its transaction was then rolled
    /// back (as PostgreSQL does when a session ends), so its changes are not in <see cref="Version"/>.
    /// </summary>
    public bool EndedInTransaction { get; }
}
