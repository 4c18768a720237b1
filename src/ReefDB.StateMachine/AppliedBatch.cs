using ReefDB.Sql;
using ReefDB.StateMachine.Encoding;

namespace ReefDB.StateMachine;

/// <summary>What applying one log entry produced.</summary>
/// <param name="Outcome">The replicable outcome: what a client is answered, on any node.</param>
/// <param name="Results">
/// The engine's own results, for an in-process caller that wants them without decoding; <c>null</c> when
/// the answer came from a client session (a duplicate or stale retry) rather than from execution.
/// </param>
public sealed record AppliedBatch(CommandOutcome Outcome, IReadOnlyList<StatementResult>? Results)
{
    /// <summary>True when some statement failed, so the batch changed nothing.</summary>
    public bool Failed => Outcome.Statements.Any(s => s.Error is not null);
}
