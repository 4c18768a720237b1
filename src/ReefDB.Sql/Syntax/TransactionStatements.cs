namespace ReefDB.Sql.Syntax;

/// <summary>BEGIN [WORK|TRANSACTION] or START TRANSACTION (isolation options are accepted and ignored).</summary>
internal sealed record BeginStatement : Statement;

/// <summary>COMMIT or END [WORK|TRANSACTION].</summary>
internal sealed record CommitStatement : Statement;

/// <summary>ROLLBACK or ABORT [WORK|TRANSACTION].</summary>
internal sealed record RollbackStatement : Statement;

/// <summary>SAVEPOINT name.</summary>
internal sealed record SavepointStatement(string Name) : Statement;

/// <summary>ROLLBACK [WORK|TRANSACTION] TO [SAVEPOINT] name.</summary>
internal sealed record RollbackToSavepointStatement(string Name) : Statement;

/// <summary>RELEASE [SAVEPOINT] name.</summary>
internal sealed record ReleaseSavepointStatement(string Name) : Statement;
