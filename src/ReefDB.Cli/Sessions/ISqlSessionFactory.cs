namespace ReefDB.Cli.Sessions;

/// <summary>Opens sessions on databases: each <see cref="OpenInMemory"/> call gets a new, empty one; <see cref="Open"/>
/// opens the durable database in a directory.</summary>
internal interface ISqlSessionFactory
{
    /// <summary>A session on a new, empty in-memory database that lives as long as the session.</summary>
    ISqlSession OpenInMemory();

    /// <summary>A session on the durable database in <paramref name="directory"/> (created when missing); writes are
    /// on disk when their results print.</summary>
    /// <exception cref="Exception">The database cannot be opened (damaged, locked by another process, not a
    /// database); the message says why.</exception>
    ISqlSession Open(string directory);
}
