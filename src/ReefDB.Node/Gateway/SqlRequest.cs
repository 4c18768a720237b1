using ReefDB.Sql.Types;

namespace ReefDB.Node.Gateway;

/// <summary>One SQL text of a request (it may hold several statements separated by <c>;</c>) and its parameters.</summary>
internal sealed record SqlStatementRequest(string Sql, IReadOnlyList<SqlValue> Parameters);

/// <summary>
/// A parsed request of <c>POST /v1/sql</c> or <c>Sql.Execute</c>.
/// </summary>
/// <param name="Statements">At least one.</param>
/// <param name="Transaction">True: all statements are one batch, all or nothing. False with several statements:
/// each is applied on its own, in order, stopping at the first error.</param>
/// <param name="ClientId">With <paramref name="Sequence"/>, makes a retried write exactly-once; null: no deduplication.</param>
/// <param name="Sequence">The client's request number, increasing per client id.</param>
/// <param name="Consistency">For reads; null: the node's default.</param>
internal sealed record SqlRequest(
    IReadOnlyList<SqlStatementRequest> Statements,
    bool Transaction,
    string? ClientId,
    ulong Sequence,
    ReadConsistency? Consistency);
