namespace ReefDB.Raft.Storage.Files;

/// <summary>
/// The storage's writes under its fsync policy: every file write, fsync, rename, delete and directory creation of a
/// raft directory goes through here, and from here through the <see cref="IFileSystem"/> seam.
/// </summary>
/// <remarks>Under <see cref="FsyncPolicy.None"/> the syncs are skipped; everything else is the same.</remarks>
internal sealed class DurableFile(IFileSystem fileSystem, bool fsync)
{
    /// <summary>The suffix of a file being written before its atomic rename; leftovers are deleted at open.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>True under <see cref="FsyncPolicy.Always"/>.</summary>
    public bool Fsync => fsync;

    /// <summary>Opens a file for writing (see <see cref="IFileSystem.OpenWrite"/>).</summary>
    public IWritableFile OpenWrite(string path, FileMode mode) => fileSystem.OpenWrite(path, mode);

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="contents"/> atomically: write a temporary file, fsync
    /// it, rename it over the target, fsync the directory. A crash leaves either the old or the new file, never a
    /// mix (a leftover temporary file is ignored and deleted by the next open).
    /// </summary>
    public void WriteAtomically(string path, ReadOnlySpan<byte> contents)
    {
        var temp = path + TempSuffix;
        using (var file = fileSystem.OpenWrite(temp, FileMode.Create))
        {
            file.Write(contents, 0);
            Sync(file);
        }

        fileSystem.Move(temp, path);
        SyncDirectory(Path.GetDirectoryName(path)!);
    }

    /// <summary>fsyncs <paramref name="file"/> under fsync <c>always</c>.</summary>
    public void Sync(IWritableFile file)
    {
        if (fsync)
        {
            file.Sync();
        }
    }

    /// <summary>Forces the data of <paramref name="file"/> (and its length) to the disk under fsync <c>always</c>.</summary>
    public void SyncData(IWritableFile file)
    {
        if (fsync)
        {
            file.SyncData();
        }
    }

    /// <summary>Makes creations, renames and deletions in <paramref name="directory"/> durable.</summary>
    public void SyncDirectory(string directory)
    {
        if (fsync)
        {
            fileSystem.SyncDirectory(directory);
        }
    }

    /// <summary>Creates <paramref name="directory"/> if missing, and then makes its entry in its parent durable: files
    /// synced into a directory whose own creation was lost would be lost with it.</summary>
    public void CreateDirectory(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (fileSystem.CreateDirectory(full) && Path.GetDirectoryName(full) is { } parent)
        {
            SyncDirectory(parent);
        }
    }

    /// <summary>Renames <paramref name="source"/> over <paramref name="destination"/> (durable once the directory is synced).</summary>
    public void Move(string source, string destination) => fileSystem.Move(source, destination);

    /// <summary>Deletes a file if it exists (durable once its directory is synced; see <see cref="DeleteDurably"/>).</summary>
    public void Delete(string path) => fileSystem.Delete(path);

    /// <summary>Deletes a file if it exists, then makes the deletion durable.</summary>
    public void DeleteDurably(string path)
    {
        fileSystem.Delete(path);
        SyncDirectory(Path.GetDirectoryName(path)!);
    }
}
