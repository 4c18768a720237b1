using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Storage.Log;

/// <summary>Appending, overwriting a suffix, compacting and resetting the log.</summary>
internal sealed partial class SegmentedLog
{
    /// <summary>How far ahead of the records a segment is preallocated with zeros (see <see cref="Flush"/>).</summary>
    internal const int PreallocationStep = 1 << 20;

    /// <summary>
    /// The zeros go out one page per write. Linux (6.x, ext4 among others) sizes page-cache folios by the length of the
    /// write that creates them, so one 1 MiB write made 1 MiB folios, and every later small append into one of them
    /// walked all 256 of its block buffers twice (ext4_block_write_begin, block_commit_write) and again at writeback:
    /// measured on this project's machine, about 35 µs more kernel CPU per append and fdatasync than with 4 KiB folios.
    /// 256 extra write calls per MiB, i.e. one per ~10 appends of a few hundred bytes, cost far less. Durability is
    /// unchanged: nothing here is durable before the fdatasync that follows, and a crash that keeps only some of the
    /// zeros leaves a shorter file, whose end recovery reads as the end of the log just like zeros.
    /// </summary>
    internal const int PageBytes = 4096;

    private static readonly byte[] Zeros = new byte[PreallocationStep];

    // The records of the append in progress, encoded back to back (reused: no allocation per append).
    private readonly List<long> pendingOffsets = [];
    private readonly List<ulong> pendingTerms = [];
    private const int MaxKeptBuffer = 1 << 20;
    private byte[] pending = new byte[64 * 1024];
    private int pendingLength;

    /// <summary>
    /// Persists <paramref name="entries"/> (contiguous, starting at or before LastIndex + 1): entries before
    /// FirstIndex are ignored, and an existing suffix from the first new index on is replaced. The records go out as
    /// one write and one fsync (two of each only when the batch crosses a segment boundary).
    /// </summary>
    /// <exception cref="InvalidOperationException">A gap after LastIndex, or non-contiguous entries.</exception>
    public void Append(IReadOnlyList<Entry> entries)
    {
        ThrowIfFailed();
        var skip = 0;
        while (skip < entries.Count && entries[skip].Index < FirstIndex)
        {
            skip++;
        }

        if (skip == entries.Count)
        {
            return;
        }

        var start = entries[skip].Index;
        if (start > LastIndex + 1)
        {
            throw new InvalidOperationException($"Missing log entries: last is {LastIndex}, appending at {start}.");
        }

        for (var i = skip + 1; i < entries.Count; i++)
        {
            if (entries[i].Index != entries[i - 1].Index + 1)
            {
                throw new InvalidOperationException($"Entries to append are not contiguous at index {entries[i].Index}.");
            }
        }

        try
        {
            if (start <= LastIndex)
            {
                TruncateFrom(start);
            }

            WriteRecords(entries, skip);
        }
        catch
        {
            // The file may now hold bytes the in-memory state does not know about: refuse further writes.
            failed = true;
            throw;
        }

        for (var i = skip; i < entries.Count; i++)
        {
            cache.Add(entries[i]);
            cacheBytes += entries[i].PayloadSize;
        }

        TrimCache();
    }

    /// <summary>Forgets entries up to <paramref name="index"/> and deletes the segments wholly at or before it
    /// (never the last one). The caller ensures a durable snapshot covers <paramref name="index"/>.</summary>
    public void Compact(ulong index)
    {
        ThrowIfFailed();
        FirstIndex = index + 1;
        var deleted = false;
        while (segments.Count > 1 && segments[0].LastIndex <= index)
        {
            files.Delete(segments[0].Path);
            segments.RemoveAt(0);
            deleted = true;
        }

        if (deleted)
        {
            files.SyncDirectory(directory);
        }

        if (cacheFirst < FirstIndex)
        {
            var drop = (int)Math.Min((ulong)cache.Count, FirstIndex - cacheFirst);
            cacheBytes -= cache.Take(drop).Sum(e => e.PayloadSize);
            cache.RemoveRange(0, drop);
            cacheFirst = FirstIndex;
        }
    }

    /// <summary>Replaces the whole log by an empty one that starts after a snapshot received from the leader.</summary>
    public void ResetTo(ulong snapshotIndex, ulong snapshotTerm)
    {
        ThrowIfFailed();
        active?.Dispose();
        active = null;
        DeleteAllSegments();
        segments.Add(Segment.Create(files, directory, snapshotIndex + 1, snapshotTerm));
        FirstIndex = snapshotIndex + 1;
        cache.Clear();
        cacheBytes = 0;
        cacheFirst = FirstIndex;
        OpenActive();
    }

    /// <summary>Deletes segments newest first, so that a crash midway leaves a contiguous prefix of the log.</summary>
    private void DeleteAllSegments()
    {
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            files.Delete(segments[i].Path);
        }

        segments.Clear();
        files.SyncDirectory(directory);
    }

    /// <summary>
    /// Removes entries from <paramref name="start"/> on. Later segments go first (newest first, so the chain stays
    /// contiguous after a crash), then the segment holding <paramref name="start"/> is cut and fsynced before new
    /// records are written, so stale bytes can never follow new ones on disk.
    /// </summary>
    private void TruncateFrom(ulong start)
    {
        var keepSegments = segments.FindLastIndex(s => s.FirstIndex <= start);
        if (keepSegments < segments.Count - 1)
        {
            active?.Dispose();
            active = null;
            for (var i = segments.Count - 1; i > keepSegments; i--)
            {
                files.Delete(segments[i].Path);
                segments.RemoveAt(i);
            }

            files.SyncDirectory(directory);
            OpenActive();
        }

        var segment = segments[^1];
        var keep = (int)(start - segment.FirstIndex);
        var end = segment.Offsets[keep];
        // Cut the preallocated zeros too: the next write preallocates again. A full fsync, as the size changes.
        active!.SetLength(end);
        files.Sync(active);
        segment.AllocatedEnd = end;
        segment.Offsets.RemoveRange(keep, segment.Count - keep);
        segment.Terms.RemoveRange(keep, segment.Terms.Count - keep);
        segment.EndOffset = end;

        if (start < cacheFirst)
        {
            cache.Clear();
            cacheBytes = 0;
            cacheFirst = start;
        }
        else
        {
            var from = (int)(start - cacheFirst);
            cacheBytes -= cache.Skip(from).Sum(e => e.PayloadSize);
            cache.RemoveRange(from, cache.Count - from);
        }
    }

    private void WriteRecords(IReadOnlyList<Entry> entries, int from)
    {
        for (var i = from; i < entries.Count; i++)
        {
            var entry = entries[i];
            var size = LogRecord.EncodedSize(entry);
            var segment = segments[^1];
            if (segment.EndOffset + pendingLength + size > options.SegmentBytes && (segment.Count > 0 || pendingLength > 0))
            {
                Flush();
                Rotate();
            }

            pendingOffsets.Add(segments[^1].EndOffset + pendingLength);
            pendingTerms.Add(entry.Term);
            if (pending.Length - pendingLength < size)
            {
                Array.Resize(ref pending, Math.Max(pending.Length * 2, pendingLength + size));
            }

            LogRecord.Encode(entry, pending.AsSpan(pendingLength, size));
            pendingLength += size;
        }

        Flush();
    }

    /// <summary>
    /// One write and one fdatasync of the pending records into the active segment. A write that would pass the
    /// preallocated end carries zeros up to the next page, and further page-sized writes of zeros follow up to the next
    /// <see cref="PreallocationStep"/> boundary (at most the segment's size; see <see cref="PageBytes"/>), so the
    /// following appends overwrite blocks the file system has already allocated and
    /// written: their fdatasync changes no metadata and needs no journal commit (ext4, xfs). Written zeros rather than
    /// <c>fallocate</c> or a sparse <c>SetLength</c>: both leave blocks the file system must still convert or
    /// allocate on the first write, a metadata change again. Recovery reads the zeros as the end of the log.
    /// </summary>
    private void Flush()
    {
        if (pendingLength == 0)
        {
            return;
        }

        var segment = segments[^1];
        var end = segment.EndOffset + pendingLength;
        var records = new ReadOnlyMemory<byte>(pending, 0, pendingLength);
        if (end <= segment.AllocatedEnd)
        {
            active!.Write(records.Span, segment.EndOffset);
        }
        else
        {
            var target = Math.Max(end, Math.Min((end + PreallocationStep - 1) / PreallocationStep * PreallocationStep, options.SegmentBytes));
            var firstPageEnd = Math.Min(target, (end + PageBytes - 1) / PageBytes * PageBytes);
            active!.Write([records, Zeros.AsMemory(0, (int)(firstPageEnd - end))], segment.EndOffset);
            for (var at = firstPageEnd; at < target; at += PageBytes)
            {
                active.Write(Zeros.AsSpan(0, (int)Math.Min(PageBytes, target - at)), at);
            }

            segment.AllocatedEnd = target;
        }

        files.SyncData(active);
        segment.Offsets.AddRange(pendingOffsets);
        segment.Terms.AddRange(pendingTerms);
        segment.EndOffset = end;
        pendingLength = 0;
        if (pending.Length > MaxKeptBuffer)
        {
            pending = new byte[MaxKeptBuffer];
        }

        pendingOffsets.Clear();
        pendingTerms.Clear();
    }

    private void Rotate()
    {
        var last = segments[^1];
        segments.Add(Segment.Create(files, directory, last.LastIndex + 1, last.TermAt(last.LastIndex)));
        OpenActive();
    }

    private void TrimCache()
    {
        var drop = 0;
        while (drop < cache.Count && cacheBytes > options.CacheBytes)
        {
            cacheBytes -= cache[drop].PayloadSize;
            drop++;
        }

        cache.RemoveRange(0, drop);
        cacheFirst += (ulong)drop;
    }

    private void ThrowIfFailed()
    {
        if (failed)
        {
            throw new IOException("A previous write to the raft log failed; reopen the storage to recover.");
        }
    }
}
