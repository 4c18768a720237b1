namespace ReefDB.Cli.Sessions;

/// <summary>Opens sessions on the real engine: each an embedded <see cref="ReefDatabase"/> in memory.</summary>
internal sealed class EngineSessionFactory : ISqlSessionFactory
{
    public ISqlSession OpenInMemory() => new EngineSession(ReefDatabase.OpenInMemory());
}
