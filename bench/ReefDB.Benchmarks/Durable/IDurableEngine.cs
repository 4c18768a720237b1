namespace ReefDB.Benchmarks.Durable;

/// <summary>A database opened in a folder of its own for one measured run, with one writer per client thread.</summary>
internal interface IDurableEngine : IDisposable
{
    /// <summary>A writer for one client thread: its own connection (SQLite) or its own prepared statement
    /// (ReefDB). Used by one thread at a time.</summary>
    IDurableWriter CreateWriter();
}

/// <summary>Inserts one row and returns only once the database acknowledged it as durable.</summary>
internal interface IDurableWriter : IDisposable
{
    void Insert(long id, string payload);
}
