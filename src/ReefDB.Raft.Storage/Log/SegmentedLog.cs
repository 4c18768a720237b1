using System.Globalization;
using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage.Files;

namespace ReefDB.Raft.Storage.Log;

/// <summary>
/// The log as a chain of <see cref="Segment"/> files plus an in-memory cache of the most recent entries.
/// </summary>
/// <remarks>
/// Invariants: segments are contiguous (each starts right after the previous one's last index) and only the last
/// is written to; the first segment starts at or before <see cref="FirstIndex"/>; the cache holds exactly the
/// entries [cacheFirst, LastIndex]. Not thread-safe.
/// </remarks>
internal sealed partial class SegmentedLog : IDisposable
{
    private readonly string directory;
    private readonly DurableRaftStorageOptions options;
    private readonly DurableFile files;
    private readonly List<Segment> segments = [];
    private readonly List<Entry> cache = [];
    private ulong cacheFirst;
    private long cacheBytes;
    private IWritableFile? active;
    private bool failed;

    private SegmentedLog(string directory, DurableRaftStorageOptions options, DurableFile files)
    {
        this.directory = directory;
        this.options = options;
        this.files = files;
    }

    /// <summary>The first entry held; FirstIndex - 1 is the compaction point, whose term stays known.</summary>
    public ulong FirstIndex { get; private set; }

    public ulong LastIndex => segments[^1].LastIndex;

    public long BytesOnDisk => segments.Sum(s => s.EndOffset);

    public int SegmentCount => segments.Count;

    /// <summary>
    /// Opens (or creates) the log in <paramref name="directory"/> and reconciles it with the newest snapshot: a log
    /// that does not contain the snapshot's position with the snapshot's term is stale (a crash while a leader's
    /// snapshot was being installed) and is discarded.
    /// </summary>
    public static SegmentedLog Open(
        string directory, DurableRaftStorageOptions options, DurableFile durable, ulong snapshotIndex, ulong snapshotTerm,
        Action<string> warn)
    {
        durable.CreateDirectory(directory);
        var log = new SegmentedLog(directory, options, durable);
        var files = Directory.GetFiles(directory, "*" + Segment.Extension)
            .Select(path => (Path: path, Index: ParseName(path)))
            .OrderBy(f => f.Index)
            .ToList();
        for (var i = 0; i < files.Count; i++)
        {
            var segment = Segment.Load(durable, files[i].Path, files[i].Index, i == files.Count - 1, warn);
            if (segment is not null)
            {
                log.CheckFollows(segment);
                log.segments.Add(segment);
            }
        }

        if (log.segments.Count == 0)
        {
            log.segments.Add(Segment.Create(durable, directory, snapshotIndex + 1, snapshotTerm));
        }
        else if (log.segments[0].FirstIndex > snapshotIndex + 1)
        {
            var missing = Path.Combine(directory, Segment.FileName(snapshotIndex + 1));
            throw new RaftStorageCorruptionException(missing, 0,
                $"a log segment is missing: entries from {snapshotIndex + 1} to {log.segments[0].FirstIndex - 1} are gone");
        }
        else if (log.LastIndex < snapshotIndex || log.TermAt(snapshotIndex) != snapshotTerm)
        {
            warn($"Discarded the log in '{directory}': it does not contain the snapshot at index {snapshotIndex} " +
                 $"term {snapshotTerm}, so it predates a snapshot received from the leader.");
            log.DeleteAllSegments();
            log.segments.Add(Segment.Create(durable, directory, snapshotIndex + 1, snapshotTerm));
        }

        log.FirstIndex = snapshotIndex + 1;
        log.cacheFirst = log.LastIndex + 1;
        log.OpenActive();
        return log;
    }

    /// <summary>The term at <paramref name="index"/> in [FirstIndex - 1, LastIndex] (the caller checks bounds).</summary>
    public ulong TermAt(ulong index) => SegmentFor(index) is { } segment ? segment.TermAt(index) : segments[0].PreviousTerm;

    /// <summary>Entries [low, high), stopping once their payloads would exceed <paramref name="maxBytes"/> (at least
    /// one). The caller checks bounds. Recent entries come from the cache, older ones from their segment.</summary>
    public List<Entry> Entries(ulong low, ulong high, ulong maxBytes)
    {
        var result = new List<Entry>();
        var size = 0UL;
        var index = low;
        while (index < high && index < cacheFirst)
        {
            var segment = SegmentFor(index)!;
            var end = Math.Min(Math.Min(high, cacheFirst), segment.LastIndex + 1);

            // Bound the disk read by the byte budget, using the record sizes known from the offsets.
            var budgetEnd = index;
            var planned = size;
            while (budgetEnd < end)
            {
                planned += (ulong)(segment.RecordBytes(budgetEnd) - LogRecord.Overhead);
                if (budgetEnd > low && planned > maxBytes)
                {
                    break;
                }

                budgetEnd++;
            }

            foreach (var entry in segment.Read(index, budgetEnd))
            {
                if (!TryTake(result, entry, ref size, maxBytes))
                {
                    return result;
                }
            }

            if (budgetEnd < end)
            {
                return result;
            }

            index = end;
        }

        for (; index < high; index++)
        {
            if (!TryTake(result, cache[(int)(index - cacheFirst)], ref size, maxBytes))
            {
                break;
            }
        }

        return result;
    }

    public void Dispose() => active?.Dispose();

    private static bool TryTake(List<Entry> result, Entry entry, ref ulong size, ulong maxBytes)
    {
        size += (ulong)entry.PayloadSize;
        if (result.Count > 0 && size > maxBytes)
        {
            return false;
        }

        result.Add(entry);
        return true;
    }

    private static ulong ParseName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (!ulong.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index == 0)
        {
            throw new RaftStorageCorruptionException(path, 0, "a file in the log directory has an unexpected name");
        }

        return index;
    }

    /// <summary>The segment holding <paramref name="index"/>, or null when the index is just before the first one.</summary>
    private Segment? SegmentFor(ulong index)
    {
        int lo = 0, hi = segments.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (segments[mid].FirstIndex <= index)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? null : segments[found];
    }

    private void CheckFollows(Segment segment)
    {
        if (segments.Count == 0)
        {
            return;
        }

        var previous = segments[^1];
        if (segment.FirstIndex != previous.LastIndex + 1)
        {
            var missing = Path.Combine(directory, Segment.FileName(previous.LastIndex + 1));
            throw new RaftStorageCorruptionException(missing, 0,
                $"a log segment is missing: '{previous.Path}' ends at {previous.LastIndex} but the next segment starts at {segment.FirstIndex}");
        }

        if (segment.PreviousTerm != previous.TermAt(previous.LastIndex))
        {
            throw new RaftStorageCorruptionException(segment.Path, 16,
                "the segment header's previous term does not match the previous segment");
        }
    }

    private void OpenActive()
    {
        active?.Dispose();
        active = files.OpenWrite(segments[^1].Path, FileMode.Open);
    }
}
