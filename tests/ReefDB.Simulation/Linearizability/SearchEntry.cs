namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// A call or return event in the checker's doubly linked event list. Lifting a call removes it and its
/// return from the list; unlifting restores both in place ("dancing links"), which is valid because the
/// search undoes lifts in the reverse order it made them.
/// </summary>
internal sealed class SearchEntry
{
    private SearchEntry? match;

    private SearchEntry(int index, bool isCall, long time)
    {
        Index = index;
        IsCall = isCall;
        Time = time;
    }

    /// <summary>The operation's position in the key's operation list; -1 for the list head.</summary>
    public int Index { get; }

    public bool IsCall { get; }

    public long Time { get; }

    public SearchEntry? Previous { get; private set; }

    public SearchEntry? Next { get; private set; }

    /// <summary>Builds the time-ordered event list and returns its head sentinel.</summary>
    public static SearchEntry BuildList(IReadOnlyList<KvOperation> operations)
    {
        var events = new List<SearchEntry>(operations.Count * 2);
        for (var i = 0; i < operations.Count; i++)
        {
            var call = new SearchEntry(i, isCall: true, operations[i].Invoke);
            var ret = new SearchEntry(i, isCall: false, operations[i].Return);
            call.match = ret;
            ret.match = call;
            events.Add(call);
            events.Add(ret);
        }

        // Calls sort before returns at equal times (only infinite returns tie): equal times count as concurrent.
        events.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.IsCall != b.IsCall ? (a.IsCall ? -1 : 1) : a.Index.CompareTo(b.Index));
        var head = new SearchEntry(-1, isCall: false, long.MinValue);
        var last = head;
        foreach (var entry in events)
        {
            last.Next = entry;
            entry.Previous = last;
            last = entry;
        }

        return head;
    }

    /// <summary>Removes this call and its return from the list.</summary>
    public void Lift()
    {
        Unlink(this);
        Unlink(match!);
    }

    /// <summary>Puts this call and its return back where they were.</summary>
    public void Unlift()
    {
        Relink(match!);
        Relink(this);
    }

    private static void Unlink(SearchEntry entry)
    {
        entry.Previous!.Next = entry.Next;
        if (entry.Next is not null)
        {
            entry.Next.Previous = entry.Previous;
        }
    }

    private static void Relink(SearchEntry entry)
    {
        entry.Previous!.Next = entry;
        if (entry.Next is not null)
        {
            entry.Next.Previous = entry;
        }
    }
}
