using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage.Files;

namespace ReefDB.Raft.Storage.Snapshots;

/// <summary>
/// The <c>snapshots</c> folder: one file per snapshot plus a <c>manifest</c> listing the ones kept (the newest two).
/// </summary>
/// <remarks>
/// Installing is crash-safe by ordering: the payload is streamed to a temporary file (checksummed on the way),
/// fsynced and renamed; then the manifest is replaced atomically, which is the commit point; only then are files
/// no longer listed deleted. A crash before the manifest leaves the previous snapshot in force, and the orphan
/// file is removed at the next open.
/// </remarks>
internal sealed class SnapshotStore
{
    public const string ManifestName = "manifest";
    private const int Kept = 2;
    private const int CopyBuffer = 1 << 16;

    private readonly string directory;
    private readonly DurableFile durable;
    private List<SnapshotFile> files;

    private SnapshotStore(string directory, DurableFile durable, List<SnapshotFile> files)
    {
        this.directory = directory;
        this.durable = durable;
        this.files = files;
    }

    /// <summary>The newest snapshot, or null when none was ever installed.</summary>
    public SnapshotFile? Newest => files.Count == 0 ? null : files[0];

    public IReadOnlyList<SnapshotFile> Files => files;

    /// <summary>Opens the folder, removes interrupted installs, and verifies the newest snapshot's checksum by
    /// streaming it (an older one is only a fallback for operators and is checked for presence).</summary>
    public static SnapshotStore Open(string directory, DurableFile durable, Action<string> warn)
    {
        durable.CreateDirectory(directory);
        var store = new SnapshotStore(directory, durable, SnapshotManifest.Read(Path.Combine(directory, ManifestName)));
        foreach (var file in store.files)
        {
            var path = store.PathOf(file);
            if (!File.Exists(path))
            {
                throw new RaftStorageCorruptionException(path, 0, "a snapshot listed in the manifest is missing");
            }
        }

        if (store.Newest is { } newest)
        {
            store.Verify(newest);
        }

        var listed = store.files.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(directory))
        {
            var name = Path.GetFileName(path);
            if (name != ManifestName && !listed.Contains(name))
            {
                warn($"Deleted '{path}': a snapshot file not listed in the manifest (an interrupted install or prune).");
                durable.Delete(path);
            }
        }

        return store;
    }

    /// <summary>Streams <paramref name="data"/> into a new snapshot file and makes it the newest, pruning to two.</summary>
    public SnapshotFile Install(SnapshotMetadata metadata, Stream data)
    {
        using var writer = BeginWrite();
        data.CopyTo(writer, CopyBuffer);
        writer.Complete();
        return Adopt(metadata, writer);
    }

    /// <summary>A writer for a future snapshot's payload, with a file name of its own (safe on any thread).</summary>
    public SnapshotFileWriter BeginWrite() => new(
        durable, Path.Combine(directory, "incoming-" + Guid.NewGuid().ToString("N") + DurableFile.TempSuffix));

    /// <summary>Makes the completed payload of <paramref name="writer"/> the newest snapshot (a rename, then the
    /// manifest: the commit point), pruning to two.</summary>
    public SnapshotFile Adopt(SnapshotMetadata metadata, SnapshotFileWriter writer)
    {
        if (!writer.IsComplete || writer.Adopted)
        {
            throw new InvalidOperationException("Only a completed snapshot file that was not adopted yet can be installed.");
        }

        var file = new SnapshotFile(metadata, writer.Size, writer.Checksum);
        durable.Move(writer.Path, PathOf(file));
        writer.Adopted = true;
        durable.SyncDirectory(directory);

        var kept = new List<SnapshotFile> { file };
        kept.AddRange(files.Where(f => f.FileName != file.FileName).Take(Kept - 1));
        SnapshotManifest.Write(durable, Path.Combine(directory, ManifestName), kept);
        var removed = files.Where(f => !kept.Any(k => k.FileName == f.FileName)).ToList();
        files = kept;
        foreach (var old in removed)
        {
            durable.Delete(PathOf(old));
        }

        if (removed.Count > 0)
        {
            durable.SyncDirectory(directory);
        }

        return file;
    }

    /// <summary>The full path of <paramref name="file"/>'s payload.</summary>
    public string PathOf(SnapshotFile file) => Path.Combine(directory, file.FileName);

    /// <summary>Opens the payload of <paramref name="file"/> for reading; the caller disposes it.</summary>
    public FileStream OpenRead(SnapshotFile file) =>
        new(PathOf(file), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBuffer);

    /// <summary>Reads the whole payload into memory (for <see cref="IRaftStorage.Snapshot"/>), checking it.</summary>
    public byte[] ReadAll(SnapshotFile file)
    {
        var bytes = File.ReadAllBytes(PathOf(file));
        if (bytes.LongLength != file.Size || Crc32C.Compute(bytes) != file.Checksum)
        {
            throw new RaftStorageCorruptionException(PathOf(file), 0, "the snapshot does not match its size and checksum in the manifest");
        }

        return bytes;
    }

    private void Verify(SnapshotFile file)
    {
        var path = PathOf(file);
        uint checksum = 0;
        long size = 0;
        using (var input = OpenRead(file))
        {
            var buffer = new byte[CopyBuffer];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                checksum = Crc32C.Append(checksum, buffer.AsSpan(0, read));
                size += read;
            }
        }

        if (size != file.Size)
        {
            throw new RaftStorageCorruptionException(path, Math.Min(size, file.Size),
                $"the snapshot holds {size} bytes but the manifest says {file.Size}");
        }

        if (checksum != file.Checksum)
        {
            throw new RaftStorageCorruptionException(path, 0,
                $"the snapshot's checksum (bytes 0 to {size}) does not match the manifest");
        }
    }

}
