using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ReefDB.Raft.Storage.Files;

/// <summary>The real file system: each member is one .NET or libc call, so the seam costs one interface call.</summary>
internal sealed class PhysicalFileSystem : IFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    private PhysicalFileSystem()
    {
    }

    public IWritableFile OpenWrite(string path, FileMode mode) =>
        new PhysicalFile(File.OpenHandle(path, mode, FileAccess.Write, FileShare.Read));

    /// <summary>
    /// POSIX needs an fsync of the directory itself; .NET has no API for it, hence the libc calls. On Windows, NTFS
    /// journals metadata and a directory cannot be opened as a file, so this does nothing.
    /// </summary>
    public void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
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

    public bool CreateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(path);
        return true;
    }

    public void Move(string source, string destination) => File.Move(source, destination, overwrite: true);

    public void Delete(string path) => File.Delete(path);

    private sealed class PhysicalFile(SafeFileHandle handle) : IWritableFile
    {
        public void Write(ReadOnlySpan<byte> data, long offset) => RandomAccess.Write(handle, data, offset);

        public void Write(IReadOnlyList<ReadOnlyMemory<byte>> buffers, long offset) => RandomAccess.Write(handle, buffers, offset);

        public void SetLength(long length) => RandomAccess.SetLength(handle, length);

        public void Sync() => RandomAccess.FlushToDisk(handle);

        /// <summary>
        /// fdatasync on Linux: .NET offers only <see cref="RandomAccess.FlushToDisk"/>, which is fsync, and an fsync of
        /// a file whose size did not change still commits the file system's journal for the modification time. Log
        /// segments are preallocated (SegmentedLog), so most appends change no size and then need no journal commit.
        /// Elsewhere fsync (macOS's fdatasync does not flush the drive's cache; .NET's fsync there does).
        /// </summary>
        public void SyncData()
        {
            if (!OperatingSystem.IsLinux())
            {
                RandomAccess.FlushToDisk(handle);
            }
            else if (NativeMethods.Fdatasync(handle) != 0)
            {
                throw new IOException($"fdatasync failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }

        public void Dispose() => handle.Dispose();
    }

    // DllImport rather than LibraryImport: the latter's generated code needs unsafe blocks for four trivial calls.
    // fdatasync takes the SafeFileHandle, so the descriptor cannot be closed and reused during the call.
    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Fsync(int fd);

        [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Fdatasync(SafeFileHandle fd);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Close(int fd);
    }
}
