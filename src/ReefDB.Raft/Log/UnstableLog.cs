using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Log;

/// <summary>
/// The tail of the log not yet persisted: entries appended (by the leader, or received by a follower) and possibly a
/// snapshot received from the leader. The driver persists them from a <see cref="Ready"/>; <see cref="StableTo"/> and
/// <see cref="StableSnapTo"/> then drop them from here.
/// </summary>
/// <remarks>
/// Invariants: <c>entries[i].Index == Offset + i</c>; if a snapshot is held, <c>Offset == snapshot.Index + 1</c>
/// when it was restored (entries appended afterwards follow it).
/// </remarks>
internal sealed class UnstableLog
{
    private readonly List<Entry> entries = [];

    public UnstableLog(ulong offset) => Offset = offset;

    public Snapshot? Snapshot { get; private set; }

    /// <summary>The index of the first unstable entry (where the next append goes when there are none).</summary>
    public ulong Offset { get; private set; }

    public int Count => entries.Count;

    public ulong? MaybeFirstIndex => Snapshot is null ? null : Snapshot.Metadata.Index + 1;

    public ulong? MaybeLastIndex => entries.Count > 0
        ? Offset + (ulong)entries.Count - 1
        : Snapshot?.Metadata.Index;

    public bool TryTerm(ulong index, out ulong term)
    {
        term = 0;
        if (index < Offset)
        {
            if (Snapshot is not null && Snapshot.Metadata.Index == index)
            {
                term = Snapshot.Metadata.Term;
                return true;
            }

            return false;
        }

        var last = MaybeLastIndex;
        if (last is null || index > last.Value)
        {
            return false;
        }

        if (entries.Count == 0)
        {
            // Only the snapshot is held and index == its index (handled above), so this is unreachable in practice.
            return false;
        }

        term = entries[(int)(index - Offset)].Term;
        return true;
    }

    /// <summary>The entries were persisted up to (<paramref name="index"/>, <paramref name="term"/>). Ignored when
    /// the entry at that index has since been replaced by another term's (a newer append overwrote it).</summary>
    public void StableTo(ulong index, ulong term)
    {
        if (!TryTerm(index, out var actual) || actual != term || index < Offset)
        {
            return;
        }

        var count = (int)(index - Offset + 1);
        entries.RemoveRange(0, count);
        Offset = index + 1;
    }

    public void StableSnapTo(ulong index)
    {
        if (Snapshot is not null && Snapshot.Metadata.Index == index)
        {
            Snapshot = null;
        }
    }

    public void Restore(Snapshot snapshot)
    {
        Offset = snapshot.Metadata.Index + 1;
        entries.Clear();
        Snapshot = snapshot;
    }

    /// <summary>Appends, first dropping any held entries at or after the first new index (log conflict).</summary>
    public void TruncateAndAppend(IReadOnlyList<Entry> newEntries)
    {
        var first = newEntries[0].Index;
        var end = Offset + (ulong)entries.Count;
        if (first < end)
        {
            if (first <= Offset)
            {
                // Everything held is replaced; the persisted log after first - 1 is replaced as well.
                Offset = first;
                entries.Clear();
            }
            else
            {
                var keep = (int)(first - Offset);
                entries.RemoveRange(keep, entries.Count - keep);
            }
        }
        else if (first > end)
        {
            throw new InvalidOperationException($"Gap in unstable log: appending {first} after {end - 1}.");
        }

        for (var i = 0; i < newEntries.Count; i++)
        {
            entries.Add(newEntries[i]);
        }
    }

    /// <summary>Copies entries in [<paramref name="low"/>, <paramref name="high"/>) into <paramref name="into"/>,
    /// stopping once <paramref name="budget"/> payload bytes would be exceeded (at least one entry when
    /// <paramref name="into"/> is empty).</summary>
    public void CopyTo(ulong low, ulong high, List<Entry> into, ref ulong budget, ulong maxBytes)
    {
        for (var index = low; index < high; index++)
        {
            var entry = entries[(int)(index - Offset)];
            var size = (ulong)entry.PayloadSize;
            if (into.Count > 0 && budget + size > maxBytes)
            {
                return;
            }

            budget += size;
            into.Add(entry);
        }
    }

    public Entry[] AllEntries() => [.. entries];

    /// <summary>Entries in [<paramref name="low"/>, <paramref name="high"/>) as one array, size-limited like
    /// <see cref="CopyTo"/> (at least one entry): the leader's common case, with no intermediate list.</summary>
    public Entry[] Slice(ulong low, ulong high, ulong maxBytes)
    {
        var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries);
        var start = (int)(low - Offset);
        var count = (int)(high - low);
        var size = 0UL;
        var taken = 0;
        while (taken < count)
        {
            size += (ulong)all[start + taken].PayloadSize;
            if (taken > 0 && size > maxBytes)
            {
                break;
            }

            taken++;
        }

        return all.Slice(start, taken).ToArray();
    }
}
