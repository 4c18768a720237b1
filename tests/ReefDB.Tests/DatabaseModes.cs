namespace ReefDB.Tests;

/// <summary>The suite on an in-memory database.</summary>
public sealed class InMemoryDatabaseTests : ReefDatabaseTests
{
    protected override ReefDatabase OpenEmpty() => ReefDatabase.OpenInMemory();
}

/// <summary>The suite on a database in a directory (a one-voter Raft group).</summary>
public sealed class DurableDatabaseTests : ReefDatabaseTests, IDisposable
{
    private readonly TempDirectory directory = new();
    private int opened;

    // Behaviour does not depend on fsync; DurableOnlyTests and the crash test run with the default (always).
    protected override ReefDatabase OpenEmpty() => ReefDatabase.Open(
        directory.Sub("db" + Interlocked.Increment(ref opened)), new ReefDatabaseOptions { Fsync = Raft.Storage.FsyncPolicy.None });

    public void Dispose() => directory.Dispose();
}
