namespace ReefDB.Cli.Sessions;

/// <summary>Opens sessions on databases; each <see cref="OpenInMemory"/> call gets a new, empty one.</summary>
internal interface ISqlSessionFactory
{
    /// <summary>A session on a new, empty in-memory database that lives as long as the session.</summary>
    ISqlSession OpenInMemory();
}
