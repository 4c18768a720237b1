using ReefDB.StateMachine.Encoding;

namespace ReefDB.Node.Gateway;

/// <summary>
/// What a request produced: one outcome per executed statement, the Raft index the answer reflects, and the node
/// that executed it. When <see cref="Error"/> is set, the last outcome is the failed statement's and (in a
/// transaction) nothing took effect.
/// </summary>
internal sealed record SqlResult(IReadOnlyList<StatementOutcome> Results, ulong RaftIndex, ulong NodeId, SqlError? Error);

/// <summary>An SQL error: its SQLSTATE, message, the 0-based index of the request statement that failed, and the
/// 1-based line and column in that statement's text (0 when not about the text).</summary>
internal sealed record SqlError(string Code, string Message, int Statement, int Line, int Column);
