using ReefDB.Sql;

namespace ReefDB;

/// <summary>The environment of a read-only statement, which runs on one node and is never replicated.</summary>
internal static class ReadEnvironments
{
    /// <summary>
    /// The current time and a fresh random seed. A read's seed needs no replication determinism and no
    /// secrecy (random() is not a cryptographic source in PostgreSQL either), only to differ between
    /// reads: the thread-local <see cref="Random.Shared"/> gives that without the system call that
    /// <c>RandomNumberGenerator</c> costs, about a quarter of a point SELECT. Writes keep the seed their
    /// batch was stamped with (see <c>CommandBatches.Stamp</c>).
    /// </summary>
    public static ExecutionEnvironment Now(TimeProvider clock) =>
        new(clock.GetUtcNow().UtcDateTime, Random.Shared.NextInt64());
}
