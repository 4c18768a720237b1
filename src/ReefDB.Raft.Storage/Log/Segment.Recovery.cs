using System.Buffers.Binary;
using ReefDB.Raft.Storage.Files;

namespace ReefDB.Raft.Storage.Log;

/// <summary>Scanning a segment at open: what is a torn tail (truncated) and what is corruption (fatal).</summary>
internal sealed partial class Segment
{
    /// <summary>The unit in which a power cut may keep or lose the pages of an unsynced write.</summary>
    private const int PageSize = 4096;

    /// <summary>
    /// Scans the segment at <paramref name="path"/>, checking every record. Zeros from a record boundary to the end
    /// of the file are preallocated space: the end of the records, in any segment (a closed segment that lost records
    /// this way is caught by the chain check, as the next segment would not follow it). In the last segment, a
    /// record that runs past the end of the file, or a bad record followed only by zeros or by nothing, is the trace
    /// of a write that did not complete (never acknowledged under fsync <c>always</c>): it is cut off and reported
    /// through <paramref name="warn"/>. Any other damage throws <see cref="RaftStorageCorruptionException"/>.
    /// </summary>
    /// <returns>The segment, or null for a last segment whose header never became durable (deleted).</returns>
    public static Segment? Load(DurableFile files, string path, ulong nameIndex, bool isLast, Action<string> warn)
    {
        var bytes = File.ReadAllBytes(path);
        if (isLast && (bytes.Length < HeaderSize || !bytes.AsSpan().ContainsAnyExcept((byte)0)))
        {
            warn($"Deleted the log segment '{path}': its header was never completely written.");
            files.DeleteDurably(path);
            return null;
        }

        var segment = ReadHeader(path, bytes, nameIndex);
        long position = HeaderSize;
        long allocatedEnd = bytes.Length;
        while (position < bytes.Length && bytes.AsSpan((int)position).ContainsAnyExcept((byte)0))
        {
            var status = LogRecord.TryDecode(bytes.AsSpan((int)position), out var entry, out var claimedEnd);
            if (status == DecodeStatus.Ok)
            {
                var expected = segment.FirstIndex + (ulong)segment.Count;
                if (entry.Index != expected)
                {
                    throw new RaftStorageCorruptionException(path, position, $"a log record holds index {entry.Index} where {expected} was expected");
                }

                if (entry.Term < (segment.Count == 0 ? segment.PreviousTerm : segment.Terms[^1]))
                {
                    throw new RaftStorageCorruptionException(path, position, $"the term goes backwards at index {entry.Index}");
                }

                segment.Offsets.Add(position);
                segment.Terms.Add(entry.Term);
                position += claimedEnd;
                continue;
            }

            if (isLast && IsTornTail(bytes, position, status, claimedEnd))
            {
                warn($"Truncated a torn record at the end of the log segment '{path}' at offset {position} " +
                     $"({bytes.Length - position} bytes): a write that did not complete before a crash.");
                using var file = files.OpenWrite(path, FileMode.Open);
                file.SetLength(position);
                files.Sync(file);
                allocatedEnd = position;
                break;
            }

            throw new RaftStorageCorruptionException(path, position, isLast
                ? "a log record fails its checksum and is followed by more data"
                : "a log record in a closed segment is damaged or incomplete");
        }

        segment.EndOffset = position;
        segment.AllocatedEnd = allocatedEnd;
        return segment;
    }

    private static bool IsTornTail(byte[] bytes, long position, DecodeStatus status, long claimedEnd)
    {
        if (status == DecodeStatus.Truncated || position + claimedEnd >= bytes.Length)
        {
            return true;
        }

        // A file system may extend the file before the data lands, leaving zeros after the last good record, or
        // after the one record of the interrupted write whose bytes did land only partly.
        var end = position + claimedEnd;
        return !bytes.AsSpan((int)position).ContainsAnyExcept((byte)0)
            || (claimedEnd > LogRecord.HeaderSize && !bytes.AsSpan((int)end).ContainsAnyExcept((byte)0))
            || HasLostPage(bytes, position, end);
    }

    /// <summary>
    /// True when the bad record at <paramref name="position"/> holds a page that never reached the disk. A power cut
    /// can persist some pages of the interrupted write and not others (write-back goes in any order), and a page
    /// that did not land reads as zeros (the file had grown over it). Under fsync <c>always</c> an append is one
    /// write then one sync, so everything from such a record on belongs to that unacknowledged write: a torn tail,
    /// even with valid records after it. Damage to synced data does not zero whole pages; a record whose payload
    /// holds a whole page of zeros and that is also damaged would be taken for a torn one (OVERVIEW.md, limits).
    /// </summary>
    private static bool HasLostPage(byte[] bytes, long position, long end)
    {
        // The record starts in a lost page: its length (never 0 in a real record) and the rest of that page are zeros.
        var pageEnd = Math.Min((position / PageSize + 1) * PageSize, bytes.Length);
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)position)) == 0
            && !bytes.AsSpan((int)position, (int)(pageEnd - position)).ContainsAnyExcept((byte)0))
        {
            return true;
        }

        // A later page of the record was lost: a whole page of zeros (up to the end of the file at most).
        end = Math.Min(end, bytes.Length);
        for (var page = pageEnd; page < end; page += PageSize)
        {
            if (!bytes.AsSpan((int)page, (int)Math.Min(PageSize, bytes.Length - page)).ContainsAnyExcept((byte)0))
            {
                return true;
            }
        }

        return false;
    }

    private static Segment ReadHeader(string path, byte[] bytes, ulong nameIndex)
    {
        if (bytes.Length < HeaderSize
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24)) != Crc32C.Compute(bytes.AsSpan(0, 24)))
        {
            throw new RaftStorageCorruptionException(path, 0, "the segment header is damaged");
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        if (version != Version)
        {
            throw new RaftStorageCorruptionException(path, 4, version < Version
                ? $"the segment is in format version {version}, written by an older ReefDB; this build reads version {Version} " +
                  "only (preallocated segments) and will not guess. Recreate the directory with this build"
                : $"unknown segment format version {version} (this build reads version {Version}); a newer ReefDB wrote it");
        }

        var firstIndex = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8));
        if (firstIndex != nameIndex)
        {
            throw new RaftStorageCorruptionException(path, 8, $"the segment header says it starts at {firstIndex}, its name says {nameIndex}");
        }

        return new Segment(path, firstIndex, BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16)));
    }
}
