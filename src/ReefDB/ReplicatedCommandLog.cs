using ReefDB.Replication;
using ReefDB.Sql;
using ReefDB.Sql.Types;
using ReefDB.StateMachine;

namespace ReefDB;

/// <summary>
/// The log of a durable embedded database: a one-voter Raft group in a directory (DESIGN.md §1). A write returns
/// once its entry is durable (per the fsync policy) and applied; concurrent writers share one fsync (group commit).
/// </summary>
internal sealed class ReplicatedCommandLog(RaftReplica replica, TimeProvider clock) : ICommandLog
{
    /// <summary>The embedded database's node and cluster identity, fixed so that the directory reopens.</summary>
    public const ulong NodeId = 1;
    public const string ClusterId = "reefdb-embedded";

    public ReefStateMachine StateMachine => replica.StateMachine;

    public RaftReplica Replica => replica;

    public IReadOnlyList<StatementResult> Write(string sql, SqlValue[] parameters)
    {
        var batch = CommandBatches.Stamp(sql, parameters, clock);
        // The embedded API is synchronous; the caller's thread waits while the loop batches and persists.
        var applied = replica.ProposeAsync(batch).GetAwaiter().GetResult();
        return applied.Results ?? throw new InvalidOperationException("An embedded write was answered from a client session.");
    }

    public ExecutionEnvironment ReadEnvironment() => ReadEnvironments.Now(clock);

    public void Dispose() => replica.Dispose();
}
