namespace ReefDB.Cli.Sessions;

/// <summary>
/// Stands in for the SQL engine until it is wired in: every statement fails with SQLSTATE 0A000, so
/// the CLI around it (splitting, output, exit codes, the logictest runner) is usable and honest.
/// </summary>
internal sealed class UnavailableSessionFactory : ISqlSessionFactory
{
    public ISqlSession OpenInMemory() => new Session();

    private sealed class Session : ISqlSession
    {
        public IEnumerable<StatementOutcome> Execute(string sql, CancellationToken cancellationToken = default)
        {
            yield return StatementOutcome.Failed(new SqlError(
                SqlError.FeatureNotSupportedState, "the SQL engine is not part of this build yet"));
        }

        public void Dispose()
        {
        }
    }
}
