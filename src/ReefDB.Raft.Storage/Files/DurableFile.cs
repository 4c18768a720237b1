using System.Runtime.InteropServices;

namespace ReefDB.Raft.Storage.Files;

/// <summary>The few file-system operations whose ordering makes the storage crash-safe.</summary>
internal static class DurableFile
{
    /// <summary>The suffix of a file being written before its atomic rename; leftovers are deleted at open.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="contents"/> atomically: write a temporary file, fsync
    /// it, rename it over the target, fsync the directory. A crash leaves either the old or the new file, never a
    /// mix (a leftover temporary file is ignored and deleted by the next open).
    /// </summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> contents, bool fsync)
    {
        var temp = path + TempSuffix;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            stream.Write(contents);
            Flush(stream, fsync);
        }

        File.Move(temp, path, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(path)!, fsync);
    }

    /// <summary>Forces the stream's data to the disk when <paramref name="fsync"/> is set.</summary>
    public static void Flush(FileStream stream, bool fsync)
    {
        if (fsync)
        {
            stream.Flush(flushToDisk: true);
        }
        else
        {
            stream.Flush();
        }
    }

    /// <summary>
    /// Makes creations, renames and deletions in <paramref name="directory"/> durable (POSIX needs an fsync of the
    /// directory itself; .NET has no API for it, hence the libc calls). On Windows, NTFS journals metadata and a
    /// directory cannot be opened as a file, so this does nothing.
    /// </summary>
    public static void SyncDirectory(string directory, bool fsync)
    {
        if (!fsync || OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = NativeMethods.Open(directory, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{directory}' to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{directory}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = NativeMethods.Close(fd);
        }
    }

    /// <summary>Deletes a file if it exists, then makes the deletion durable.</summary>
    public static void Delete(string path, bool fsync)
    {
        File.Delete(path);
        SyncDirectory(Path.GetDirectoryName(path)!, fsync);
    }

    // DllImport rather than LibraryImport: the latter's generated code needs unsafe blocks for three trivial calls.
    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Fsync(int fd);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Close(int fd);
    }
}
