using System.Buffers.Binary;
using System.Globalization;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage.Files;

namespace ReefDB.Raft.Storage.Log;

/// <summary>
/// One append-only log file, named after the index of its first entry (<c>00000000000000000001.log</c>). It starts
/// with a 32-byte header: magic, version, first index, the term of the entry before it (so the term at the
/// compaction point survives the deletion of older segments), and a CRC32C of those fields. Records follow, then
/// zeros up to the end of the file: space preallocated by the writer, which reads as the end of the log.
/// </summary>
/// <remarks>Invariant: <see cref="Offsets"/>[i] is where the record of index FirstIndex + i starts, and
/// <see cref="Terms"/>[i] its term; <see cref="EndOffset"/> is the end of the last valid record; from there to
/// <see cref="AllocatedEnd"/> (the file length) the file holds only zeros.</remarks>
internal sealed partial class Segment
{
    public const string Extension = ".log";
    public const int HeaderSize = 32;
    private const uint Magic = 0x47455352; // "RSEG"

    /// <summary>Version 2: zeros after the last record are preallocated space (the end of the log), in any segment.
    /// Version 1 had no preallocation; it is refused rather than read (see <c>ReadHeader</c>).</summary>
    private const uint Version = 2;

    private Segment(string path, ulong firstIndex, ulong previousTerm)
    {
        Path = path;
        FirstIndex = firstIndex;
        PreviousTerm = previousTerm;
        EndOffset = HeaderSize;
        AllocatedEnd = HeaderSize;
    }

    public string Path { get; }

    public ulong FirstIndex { get; }

    /// <summary>The term of the entry at FirstIndex - 1.</summary>
    public ulong PreviousTerm { get; }

    public List<long> Offsets { get; } = [];

    public List<ulong> Terms { get; } = [];

    public long EndOffset { get; set; }

    /// <summary>The file's length: <see cref="EndOffset"/> plus the zeros preallocated after it.</summary>
    public long AllocatedEnd { get; set; }

    public int Count => Offsets.Count;

    /// <summary>The index of the last record, FirstIndex - 1 when the segment is empty.</summary>
    public ulong LastIndex => FirstIndex + (ulong)Offsets.Count - 1;

    public static string FileName(ulong firstIndex) =>
        firstIndex.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    /// <summary>The term at <paramref name="index"/> in [FirstIndex - 1, LastIndex].</summary>
    public ulong TermAt(ulong index) => index == FirstIndex - 1 ? PreviousTerm : Terms[(int)(index - FirstIndex)];

    /// <summary>Creates an empty segment file; its header is durable (file and directory fsynced) on return.</summary>
    public static Segment Create(DurableFile files, string directory, ulong firstIndex, ulong previousTerm)
    {
        var segment = new Segment(System.IO.Path.Combine(directory, FileName(firstIndex)), firstIndex, previousTerm);
        using (var file = files.OpenWrite(segment.Path, FileMode.CreateNew))
        {
            file.Write(EncodeHeader(firstIndex, previousTerm), 0);
            files.Sync(file);
        }

        files.SyncDirectory(directory);
        return segment;
    }

    /// <summary>The bytes the record of <paramref name="index"/> occupies in the file (payload + framing).</summary>
    public long RecordBytes(ulong index)
    {
        var i = (int)(index - FirstIndex);
        var end = i + 1 < Offsets.Count ? Offsets[i + 1] : EndOffset;
        return end - Offsets[i];
    }

    /// <summary>
    /// Reads the entries [<paramref name="from"/>, <paramref name="to"/>) back from the file, checking each
    /// record's checksum (damage found here, after a clean open, is reported as corruption too).
    /// </summary>
    public List<Entry> Read(ulong from, ulong to)
    {
        var first = (int)(from - FirstIndex);
        var last = (int)(to - FirstIndex);
        var start = Offsets[first];
        var end = last < Offsets.Count ? Offsets[last] : EndOffset;
        var buffer = new byte[end - start];
        using (var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            var read = 0;
            while (read < buffer.Length)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(read), start + read);
                if (n == 0)
                {
                    throw new RaftStorageCorruptionException(Path, start + read, "the segment is shorter than its records");
                }

                read += n;
            }
        }

        var entries = new List<Entry>(last - first);
        var position = 0;
        for (var i = first; i < last; i++)
        {
            var status = LogRecord.TryDecode(buffer.AsSpan(position), out var entry, out var claimedEnd);
            if (status != DecodeStatus.Ok || entry.Index != FirstIndex + (ulong)i)
            {
                throw new RaftStorageCorruptionException(Path, start + position, "a log record fails its checksum on read");
            }

            entries.Add(entry);
            position += (int)claimedEnd;
        }

        return entries;
    }

    private static byte[] EncodeHeader(ulong firstIndex, ulong previousTerm)
    {
        var header = new byte[HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), Version);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), firstIndex);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(16), previousTerm);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), Crc32C.Compute(header.AsSpan(0, 24)));
        return header;
    }
}
