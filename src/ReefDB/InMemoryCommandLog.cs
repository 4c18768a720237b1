using Google.Protobuf;
using ReefDB.Sql;
using ReefDB.Sql.Types;
using ReefDB.StateMachine;
using ReefDB.StateMachine.Encoding;

namespace ReefDB;

/// <summary>
/// The log of an in-memory database: batches get consecutive indexes and are applied at once. Nothing is
/// durable, so there is nothing to wait for; the apply path is the one a node uses.
/// </summary>
internal sealed class InMemoryCommandLog(ReefStateMachine stateMachine, TimeProvider clock) : ICommandLog
{
    private readonly Lock writeLock = new();

    public ReefStateMachine StateMachine => stateMachine;

    public IReadOnlyList<StatementResult> Write(string sql, SqlValue[] parameters)
    {
        var batch = CommandBatches.Stamp(sql, parameters, clock);
        lock (writeLock)
        {
            var applied = stateMachine.Apply(stateMachine.Current.AppliedIndex + 1, batch);
            return applied.Results!;
        }
    }

    public ExecutionEnvironment ReadEnvironment() => ReadEnvironments.Now(clock);

    public void Dispose()
    {
    }
}

/// <summary>Builds batches the way a leader does: stamping the values apply must not compute itself.</summary>
internal static class CommandBatches
{
    public static CommandBatch Stamp(string sql, SqlValue[] parameters, TimeProvider clock)
    {
        var statement = new Statement { Sql = sql };
        statement.Parameters.Capacity = parameters.Length;
        foreach (var parameter in parameters)
        {
            statement.Parameters.Add(SqlValueCodec.Encode(parameter));
        }

        var now = clock.GetUtcNow();
        // Random.Shared (xoshiro, seeded from the OS per thread), not RandomNumberGenerator: the id and seed need to
        // differ between batches, not to be secret, and apply reads them from the batch, so replicas agree whatever
        // produced them (DESIGN.md §2). The OpenSSL call cost several CPU-µs per write (a getpid and error-queue work
        // each time), a measurable part of a single durable writer's path.
        // The id array is wrapped, not copied: nothing else holds it, so the ByteString stays immutable.
        var id = new byte[16];
        Random.Shared.NextBytes(id);
        return new CommandBatch
        {
            FormatVersion = ApplyFormat.Current,
            BatchId = UnsafeByteOperations.UnsafeWrap(id),
            TimestampMicros = (now - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond,
            RandomSeed = BitConverter.ToUInt64(id, 0),
            Statements = { statement },
        };
    }
}
