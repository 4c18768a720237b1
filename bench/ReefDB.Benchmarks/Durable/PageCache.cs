using System.Runtime.InteropServices;

namespace ReefDB.Benchmarks.Durable;

/// <summary>Evicts one folder's files from the OS page cache, so a following read comes from the disk.</summary>
internal static class PageCache
{
    private const int DontNeed = 4; // POSIX_FADV_DONTNEED on Linux

    /// <summary>Best effort: does nothing off Linux (the figure is then a warm one, and says so by being close to it).</summary>
    public static void Evict(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            // DONTNEED drops clean pages only: the files were written without fsync, so flush them first.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            stream.Flush(flushToDisk: true);
            _ = NativeMethods.PosixFadvise((int)stream.SafeFileHandle.DangerousGetHandle(), 0, 0, DontNeed);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "posix_fadvise")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int PosixFadvise(int fd, long offset, long length, int advice);
    }
}
