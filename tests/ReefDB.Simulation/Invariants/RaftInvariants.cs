using System.Globalization;
using ReefDB.Raft.Messages;

namespace ReefDB.Simulation.Invariants;

/// <summary>
/// The Raft safety properties (Raft paper, figure 3), checked on what the simulated drivers observe as it
/// happens: every soft state, every entry handed out for persistence, every entry applied.
/// Each check throws <see cref="SimulationFailure"/> with the node, index and term involved.
/// </summary>
/// <remarks>
/// Applied entries are committed by definition, so the applied map doubles as the record of committed entries.
/// Log matching is checked as "one content per (index, term)" over every entry any node ever persisted; the
/// prefix half of the property follows from it together with the append consistency check, and the
/// per-index checks against committed entries catch a node that keeps a diverged prefix.
/// </remarks>
internal sealed class RaftInvariants
{
    private readonly Dictionary<ulong, ulong> leaderOfTerm = [];
    private readonly Dictionary<(ulong Index, ulong Term), Entry> entryAt = [];
    private readonly Dictionary<ulong, Entry> committedAt = [];

    /// <summary>The highest index any node has applied: every entry up to it is committed.</summary>
    public ulong MaxCommittedIndex { get; private set; }

    public int LeaderTerms => leaderOfTerm.Count;

    /// <summary>Election safety: at most one leader per term (§5.2).</summary>
    public void ObserveLeader(ulong node, ulong term)
    {
        if (leaderOfTerm.TryGetValue(term, out var other) && other != node)
        {
            Fail($"two leaders in term {term}: node {other} and node {node}");
        }

        leaderOfTerm[term] = node;
    }

    /// <summary>
    /// Log matching (one entry per index and term, §5.3) and committed entries never change: an entry a node
    /// persists at or below its own commit index must be the committed entry. (Below other nodes' commit index
    /// it need not be: a follower of a deposed leader may hold a stale entry there until the new leader fixes it.)
    /// </summary>
    public void ObservePersisted(ulong node, IReadOnlyList<Entry> entries, ulong nodeCommit)
    {
        foreach (var entry in entries)
        {
            if (entryAt.TryGetValue((entry.Index, entry.Term), out var known))
            {
                if (!SameEntry(known, entry))
                {
                    Fail($"log matching: node {node} persisted {entry} at {entry.Term}/{entry.Index}, another node has {known}");
                }
            }
            else
            {
                entryAt[(entry.Index, entry.Term)] = entry;
            }

            if (entry.Index <= nodeCommit && committedAt.TryGetValue(entry.Index, out var committed) && !SameEntry(committed, entry))
            {
                Fail($"committed entry overwritten: node {node} persisted {entry} where {committed} was committed");
            }
        }
    }

    /// <summary>
    /// State machine safety: no two nodes apply different entries at the same index (§5.4.3). Returns true
    /// the first time any node applies this index.
    /// </summary>
    public bool ObserveApplied(ulong node, Entry entry)
    {
        if (committedAt.TryGetValue(entry.Index, out var known))
        {
            if (!SameEntry(known, entry))
            {
                Fail($"node {node} applied {entry} at index {entry.Index}, another node applied {known}");
            }

            return false;
        }

        committedAt[entry.Index] = entry;
        MaxCommittedIndex = Math.Max(MaxCommittedIndex, entry.Index);
        return true;
    }

    /// <summary>
    /// Leader completeness (§5.4): a leader's log holds every entry committed before it was elected. The caller
    /// passes the leader's whole log (persisted, so the check runs after its first Ready as leader is persisted)
    /// and the highest index committed when it won.
    /// </summary>
    public void CheckLeaderLog(ulong node, ulong term, ulong committedWhenElected, ulong firstIndex, ulong lastIndex, Func<ulong, Entry> entryAtIndex)
    {
        if (lastIndex < committedWhenElected)
        {
            Fail($"leader completeness: node {node} leads term {term} with last index {lastIndex}, but {committedWhenElected} was committed");
        }

        for (var index = Math.Max(firstIndex, 1); index <= committedWhenElected; index++)
        {
            var entry = entryAtIndex(index);
            if (committedAt.TryGetValue(index, out var committed) && !SameEntry(committed, entry))
            {
                Fail($"leader completeness: node {node} leads term {term} with {entry} at {index}, committed was {committed}");
            }
        }
    }

    /// <summary>
    /// Log matching, prefix half (§5.3): if two logs hold an entry with the same index and term, they are
    /// identical up to it. Compares the persisted logs of two nodes over the range both still hold.
    /// </summary>
    public static void CheckLogsMatch(ulong a, LogView logA, ulong b, LogView logB)
    {
        var low = Math.Max(logA.First, logB.First);
        var high = Math.Min(logA.Last, logB.Last);
        var index = high;
        while (index >= low && index > 0 && logA.Term(index) != logB.Term(index))
        {
            index--;
        }

        for (; index >= low && index > 0; index--)
        {
            var x = logA.Entry(index);
            var y = logB.Entry(index);
            if (!SameEntry(x, y))
            {
                Fail($"log matching: nodes {a} and {b} agree on an entry after index {index}, but hold {Describe(x)} and {Describe(y)} there");
            }
        }
    }

    /// <summary>
    /// Committed entries never disappear: a node's persisted log still holds what it applied (unless compacted
    /// into a snapshot), and each such entry is the committed one.
    /// </summary>
    public void CheckNodeLog(ulong node, ulong applied, LogView log, ulong snapshotIndex)
    {
        if (applied > log.Last && applied > snapshotIndex)
        {
            Fail($"node {node} applied up to {applied} but its persisted log ends at {log.Last} (snapshot {snapshotIndex})");
        }

        for (var index = log.First; index <= Math.Min(applied, log.Last); index++)
        {
            var entry = log.Entry(index);
            if (committedAt.TryGetValue(index, out var committed) && !SameEntry(committed, entry))
            {
                Fail($"committed entry changed: node {node} holds {Describe(entry)} at {index}, committed was {Describe(committed)}");
            }
        }
    }

    /// <summary>Committed entries never disappear: the log of a node holds what it applied, unless compacted.</summary>
    public Entry? CommittedEntry(ulong index) => committedAt.TryGetValue(index, out var entry) ? entry : null;

    public static bool SameEntry(Entry a, Entry b) =>
        a.Index == b.Index && a.Term == b.Term && a.Type == b.Type && a.Data.Span.SequenceEqual(b.Data.Span);

    public static void Fail(string message) => throw new SimulationFailure(message);

    public static string Describe(Entry entry) => string.Create(CultureInfo.InvariantCulture, $"{entry.Term}/{entry.Index}");
}
