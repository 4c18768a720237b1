using ReefDB.Sql;
using ReefDB.StateMachine.Sessions;

namespace ReefDB.StateMachine;

/// <summary>
/// One immutable state of the replicated state machine: the database, the client sessions, and the log
/// index of the last applied entry. Apply derives the next state; snapshots serialize one state while apply
/// goes on.
/// </summary>
/// <param name="Database">The SQL database version.</param>
/// <param name="Sessions">Exactly-once memory of writers.</param>
/// <param name="AppliedIndex">Log index of the last entry this state reflects (0 before any).</param>
public sealed record StateMachineState(DatabaseVersion Database, ClientSessionTable Sessions, ulong AppliedIndex)
{
    /// <summary>The state before the first log entry.</summary>
    public static StateMachineState Initial { get; } = new(DatabaseVersion.Empty, ClientSessionTable.Empty, 0);
}
