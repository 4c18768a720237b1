namespace ReefDB.Cli.Sessions;

/// <summary>Opens sessions on the real engine: an embedded <see cref="ReefDatabase"/>, in memory or durable.</summary>
internal sealed class EngineSessionFactory : ISqlSessionFactory
{
    public ISqlSession OpenInMemory() => new EngineSession(ReefDatabase.OpenInMemory());

    public ISqlSession Open(string directory) => new EngineSession(ReefDatabase.Open(directory));
}
