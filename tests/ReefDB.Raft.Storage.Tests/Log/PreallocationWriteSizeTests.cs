using ReefDB.Raft.Storage.Files;
using ReefDB.Raft.Storage.Log;

namespace ReefDB.Raft.Storage.Tests.Log;

/// <summary>The preallocated zeros go to the file one page per write (SegmentedLog.PageBytes): Linux sizes page-cache
/// folios by the write that creates them, and small appends into a 1 MiB folio cost several times the kernel CPU.</summary>
public sealed class PreallocationWriteSizeTests
{
    [Fact]
    public void No_write_of_a_small_append_and_its_preallocation_is_longer_than_a_page()
    {
        using var dir = new TempDirectory();
        var files = new RecordingFileSystem();
        using var storage = Fixtures.Open(dir, new DurableRaftStorageOptions { FileSystem = files });
        files.Writes.Clear();

        storage.Append(Fixtures.Entries(1, 3, 1));

        var segment = Assert.Single(dir.Segments());
        var writes = files.Writes.Where(w => w.Path == segment).ToList();
        Assert.All(writes, w => Assert.True(w.Length <= SegmentedLog.PageBytes, $"a write of {w.Length} bytes at {w.Offset}"));
        // Together they cover the file from the first record to the preallocated end, without gaps.
        var covered = writes.OrderBy(w => w.Offset).ToList();
        for (var i = 1; i < covered.Count; i++)
        {
            Assert.Equal(covered[i - 1].Offset + covered[i - 1].Length, covered[i].Offset);
        }

        Assert.Equal(SegmentedLog.PreallocationStep, covered[^1].Offset + covered[^1].Length);
        Assert.Equal(SegmentedLog.PreallocationStep, new FileInfo(segment).Length);
    }

    private sealed record Write(string Path, long Offset, long Length);

    /// <summary>The physical file system, remembering the position and length of every write.</summary>
    private sealed class RecordingFileSystem : IFileSystem
    {
        public List<Write> Writes { get; } = [];

        public IWritableFile OpenWrite(string path, FileMode mode) => new File(this, path, PhysicalFileSystem.Instance.OpenWrite(path, mode));

        public void SyncDirectory(string directory) => PhysicalFileSystem.Instance.SyncDirectory(directory);

        public bool CreateDirectory(string path) => PhysicalFileSystem.Instance.CreateDirectory(path);

        public void Move(string source, string destination) => PhysicalFileSystem.Instance.Move(source, destination);

        public void Delete(string path) => PhysicalFileSystem.Instance.Delete(path);

        private sealed class File(RecordingFileSystem owner, string path, IWritableFile inner) : IWritableFile
        {
            public void Write(ReadOnlySpan<byte> data, long offset)
            {
                lock (owner.Writes)
                {
                    owner.Writes.Add(new Write(path, offset, data.Length));
                }

                inner.Write(data, offset);
            }

            public void Write(IReadOnlyList<ReadOnlyMemory<byte>> buffers, long offset)
            {
                lock (owner.Writes)
                {
                    owner.Writes.Add(new Write(path, offset, buffers.Sum(b => (long)b.Length)));
                }

                inner.Write(buffers, offset);
            }

            public void SetLength(long length) => inner.SetLength(length);

            public void Sync() => inner.Sync();

            public void SyncData() => inner.SyncData();

            public void Dispose() => inner.Dispose();
        }
    }
}
