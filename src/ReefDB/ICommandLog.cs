using ReefDB.Sql;
using ReefDB.Sql.Types;
using ReefDB.StateMachine;

namespace ReefDB;

/// <summary>
/// Where an embedded database sends its writes: something that orders batches into a log and applies them
/// to the state machine. In memory it is a counter; on disk it will be a one-voter Raft group (issue 4),
/// with the same apply.
/// </summary>
internal interface ICommandLog : IDisposable
{
    /// <summary>The state machine the log applies to; readers use its published state.</summary>
    ReefStateMachine StateMachine { get; }

    /// <summary>Stamps, appends and applies one write; returns when it is applied.</summary>
    IReadOnlyList<StatementResult> Write(string sql, SqlValue[] parameters);

    /// <summary>The environment of a read-only statement (never replicated, so the local clock is fine).</summary>
    ExecutionEnvironment ReadEnvironment();
}
