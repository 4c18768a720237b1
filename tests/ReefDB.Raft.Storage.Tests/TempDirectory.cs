namespace ReefDB.Raft.Storage.Tests;

/// <summary>A fresh directory per test, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reefdb-raftstore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string LogFolder => System.IO.Path.Combine(Path, "log");

    public string SnapshotFolder => System.IO.Path.Combine(Path, "snapshots");

    public string[] Segments() => [.. Directory.GetFiles(LogFolder, "*.log").Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the test.
        }
    }
}
