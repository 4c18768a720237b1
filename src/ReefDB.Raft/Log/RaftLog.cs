using ReefDB.Raft.Messages;
using ReefDB.Raft.Storage;

namespace ReefDB.Raft.Log;

/// <summary>
/// The node's whole log as the algorithm sees it: persisted entries (read from <see cref="IRaftStorage"/>) followed
/// by the <see cref="UnstableLog"/>.
/// </summary>
/// <remarks>
/// Invariants (labelled as in the code that relies on them):
/// <list type="bullet">
/// <item><description>applied &lt;= committed &lt;= LastIndex.</description></item>
/// <item><description>FirstIndex - 1 is the snapshot index; its term is always readable.</description></item>
/// <item><description>Committed entries are never truncated: an append that would do so means the protocol was
/// broken, and throws.</description></item>
/// </list>
/// </remarks>
internal sealed class RaftLog
{
    private readonly IRaftStorage storage;
    private readonly ulong maxCommittedSizePerReady;

    public RaftLog(IRaftStorage storage, ulong maxCommittedSizePerReady)
    {
        this.storage = storage;
        this.maxCommittedSizePerReady = maxCommittedSizePerReady;
        var first = storage.FirstIndex;
        Unstable = new UnstableLog(storage.LastIndex + 1);
        Committed = first - 1;
        Applied = first - 1;
    }

    public UnstableLog Unstable { get; }

    /// <summary>The highest index known committed.</summary>
    public ulong Committed { get; private set; }

    /// <summary>The highest index the application applied (acknowledged through Advance).</summary>
    public ulong Applied { get; private set; }

    /// <summary>Called with entries just after they joined the log (possibly replacing a suffix).</summary>
    public Action<IReadOnlyList<Entry>>? AfterAppend { get; set; }

    public ulong FirstIndex => Unstable.MaybeFirstIndex ?? storage.FirstIndex;

    public ulong LastIndex => Unstable.MaybeLastIndex ?? storage.LastIndex;

    public ulong LastTerm => TryTerm(LastIndex, out var term)
        ? term
        : throw new InvalidOperationException($"Term of the last index {LastIndex} is unavailable.");

    /// <summary>The term at <paramref name="index"/>; false when compacted or beyond the end.</summary>
    public bool TryTerm(ulong index, out ulong term)
    {
        term = 0;
        if (index < FirstIndex - 1 || index > LastIndex)
        {
            return false;
        }

        if (Unstable.TryTerm(index, out term))
        {
            return true;
        }

        try
        {
            term = storage.Term(index);
            return true;
        }
        catch (RaftStorageException e) when (e.Error is StorageError.Compacted or StorageError.Unavailable)
        {
            term = 0;
            return false;
        }
    }

    /// <summary>The term at <paramref name="index"/>, or 0 when unknown (compacted or beyond the end).</summary>
    public ulong TermOrZero(ulong index) => TryTerm(index, out var term) ? term : 0;

    public bool MatchTerm(ulong index, ulong term) => TryTerm(index, out var actual) && actual == term;

    /// <summary>
    /// §5.3: appends <paramref name="entries"/> after (<paramref name="index"/>, <paramref name="logTerm"/>) if the
    /// log matches there, overwriting any conflicting suffix, and commits up to min(leaderCommit, last new index).
    /// Returns false (and changes nothing) when the log does not match.
    /// </summary>
    public bool MaybeAppend(ulong index, ulong logTerm, ulong leaderCommit, IReadOnlyList<Entry> entries, out ulong lastNewIndex)
    {
        lastNewIndex = 0;
        if (!MatchTerm(index, logTerm))
        {
            return false;
        }

        lastNewIndex = index + (ulong)entries.Count;
        var conflict = FindConflict(entries);
        if (conflict != 0)
        {
            if (conflict <= Committed)
            {
                throw new InvalidOperationException($"Entry {conflict} conflicts with a committed entry (committed {Committed}).");
            }

            var skip = (int)(conflict - (index + 1));
            Append(skip == 0 ? entries : Slice(entries, skip));
        }

        CommitTo(Math.Min(leaderCommit, lastNewIndex));
        return true;
    }

    /// <summary>Appends after the current tail or overwrites an uncommitted suffix; returns the new last index.</summary>
    public ulong Append(IReadOnlyList<Entry> entries)
    {
        if (entries.Count == 0)
        {
            return LastIndex;
        }

        var after = entries[0].Index - 1;
        if (after < Committed)
        {
            throw new InvalidOperationException($"Appending after {after} would truncate committed entries up to {Committed}.");
        }

        Unstable.TruncateAndAppend(entries);
        AfterAppend?.Invoke(entries);
        return LastIndex;
    }

    /// <summary>
    /// The index of the first entry whose term differs from ours (or that we lack); 0 when all are present.
    /// </summary>
    public ulong FindConflict(IReadOnlyList<Entry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (!MatchTerm(entries[i].Index, entries[i].Term))
            {
                return entries[i].Index;
            }
        }

        return 0;
    }

    /// <summary>
    /// The fast-backtracking step: the largest index at or below <paramref name="index"/> whose term is at or below
    /// <paramref name="term"/>, with that term. Any entry between it and <paramref name="index"/> has a term above
    /// <paramref name="term"/> and so cannot match the other log, which lets the leader skip a whole term per round
    /// trip. Returns (index, 0) when the term is not known (compacted).
    /// </summary>
    public (ulong Index, ulong Term) FindConflictByTerm(ulong index, ulong term)
    {
        for (; index > 0; index--)
        {
            if (!TryTerm(index, out var ourTerm))
            {
                return (index, 0);
            }

            if (ourTerm <= term)
            {
                return (index, ourTerm);
            }
        }

        return (0, 0);
    }

    public Entry[] UnstableEntries() => Unstable.AllEntries();

    public bool HasNextCommittedEntries()
    {
        var low = Math.Max(Applied + 1, FirstIndex);
        return Committed + 1 > low;
    }

    /// <summary>Committed entries not yet applied, at most <see cref="maxCommittedSizePerReady"/> payload bytes.</summary>
    /// <param name="unstable">The unstable entries the same Ready hands out (<see cref="UnstableEntries"/>). When the
    /// committed entries are exactly these (a lone voter's write, see <see cref="Ready"/>), that array is returned
    /// instead of a copy: both lists are read-only for the driver.</param>
    public IReadOnlyList<Entry> NextCommittedEntries(Entry[] unstable)
    {
        var low = Math.Max(Applied + 1, FirstIndex);
        if (Committed + 1 <= low)
        {
            return [];
        }

        if (unstable.Length > 0 && unstable[0].Index == low && unstable[^1].Index == Committed && FitsOneReady(unstable))
        {
            return unstable;
        }

        return Slice(low, Committed + 1, maxCommittedSizePerReady);
    }

    /// <summary>Whether <see cref="Slice(ulong, ulong, ulong)"/> would return all of <paramref name="entries"/> under
    /// the per-Ready limit (it always returns at least one).</summary>
    private bool FitsOneReady(Entry[] entries)
    {
        var size = 0UL;
        for (var i = 0; i < entries.Length; i++)
        {
            size += (ulong)entries[i].PayloadSize;
            if (i > 0 && size > maxCommittedSizePerReady)
            {
                return false;
            }
        }

        return true;
    }

    public Snapshot Snapshot() => Unstable.Snapshot ?? storage.Snapshot();

    public void CommitTo(ulong index)
    {
        if (Committed >= index)
        {
            return;
        }

        if (LastIndex < index)
        {
            throw new InvalidOperationException($"Commit index {index} is beyond the last index {LastIndex}.");
        }

        Committed = index;
    }

    public void AppliedTo(ulong index)
    {
        if (index == 0)
        {
            return;
        }

        if (Committed < index || index < Applied)
        {
            throw new InvalidOperationException($"Applied index {index} outside [{Applied}, {Committed}].");
        }

        Applied = index;
    }

    public void StableTo(ulong index, ulong term) => Unstable.StableTo(index, term);

    public void StableSnapTo(ulong index) => Unstable.StableSnapTo(index);

    /// <summary>§5.4.1: a log with a later last term, or the same last term and at least as long, is up to date.</summary>
    public bool IsUpToDate(ulong lastIndex, ulong term) =>
        term > LastTerm || (term == LastTerm && lastIndex >= LastIndex);

    /// <summary>§5.4.2: commits <paramref name="index"/> only if its entry is from <paramref name="term"/> (the
    /// leader's current term); earlier entries commit indirectly with it.</summary>
    public bool MaybeCommit(ulong index, ulong term)
    {
        if (index > Committed && TermOrZero(index) == term)
        {
            CommitTo(index);
            return true;
        }

        return false;
    }

    public void Restore(Snapshot snapshot)
    {
        Committed = snapshot.Metadata.Index;
        Unstable.Restore(snapshot);
    }

    /// <summary>Entries from <paramref name="low"/> to the end, at most <paramref name="maxBytes"/> payload bytes
    /// (at least one). Throws <see cref="RaftStorageException"/> (Compacted) when <paramref name="low"/> was
    /// compacted.</summary>
    public IReadOnlyList<Entry> Entries(ulong low, ulong maxBytes) =>
        low > LastIndex ? [] : Slice(low, LastIndex + 1, maxBytes);

    /// <summary>Entries in [low, high), size-limited (at least one).</summary>
    public IReadOnlyList<Entry> Slice(ulong low, ulong high, ulong maxBytes)
    {
        if (low < FirstIndex)
        {
            throw new RaftStorageException(StorageError.Compacted);
        }

        if (high > LastIndex + 1 || low > high)
        {
            throw new InvalidOperationException($"Slice [{low}, {high}) out of bounds [{FirstIndex}, {LastIndex}].");
        }

        if (low == high)
        {
            return [];
        }

        var offset = Unstable.Offset;
        if (high <= offset)
        {
            return storage.Entries(low, high, maxBytes);
        }

        if (low >= offset)
        {
            return Unstable.Slice(low, high, maxBytes);
        }

        var result = new List<Entry>((int)Math.Min(high - low, 1024));
        var size = 0UL;
        if (low < offset)
        {
            var stored = storage.Entries(low, offset, maxBytes);
            foreach (var entry in stored)
            {
                size += (ulong)entry.PayloadSize;
                result.Add(entry);
            }

            if ((ulong)stored.Count < offset - low)
            {
                return result;
            }
        }

        Unstable.CopyTo(Math.Max(low, offset), high, result, ref size, maxBytes);
        return result;
    }

    private static Entry[] Slice(IReadOnlyList<Entry> entries, int skip)
    {
        var result = new Entry[entries.Count - skip];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = entries[skip + i];
        }

        return result;
    }
}
