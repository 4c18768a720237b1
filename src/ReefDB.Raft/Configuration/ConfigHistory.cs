namespace ReefDB.Raft.Configuration;

/// <summary>
/// The memberships in force along the log: a base (from the snapshot or bootstrap) and one per conf change entry.
/// </summary>
/// <remarks>
/// Membership takes effect when an entry is appended, not when it commits (dissertation §4.1), so a follower whose
/// uncommitted suffix is overwritten by a new leader must fall back to the membership of the surviving prefix.
/// Invariant: indexes strictly increase; the first element is the base and is never truncated.
/// </remarks>
internal sealed class ConfigHistory
{
    private readonly List<(ulong Index, Membership Membership)> items = [];

    public ConfigHistory(ulong baseIndex, Membership membership) => Reset(baseIndex, membership);

    public Membership Current => items[^1].Membership;

    /// <summary>The index of the entry that produced <see cref="Current"/> (the base index if none did).</summary>
    public ulong CurrentIndex => items[^1].Index;

    public void Reset(ulong baseIndex, Membership membership)
    {
        items.Clear();
        items.Add((baseIndex, membership));
    }

    public void Push(ulong index, Membership membership)
    {
        if (index <= items[^1].Index)
        {
            throw new InvalidOperationException($"Conf change at {index} is not after the last one at {items[^1].Index}.");
        }

        items.Add((index, membership));
    }

    /// <summary>Forgets memberships from entries at or after <paramref name="index"/> (they are being overwritten).</summary>
    public void TruncateFrom(ulong index)
    {
        while (items.Count > 1 && items[^1].Index >= index)
        {
            items.RemoveAt(items.Count - 1);
        }
    }

    /// <summary>The membership after applying every entry up to <paramref name="index"/>.</summary>
    public Membership At(ulong index)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            if (items[i].Index <= index)
            {
                return items[i].Membership;
            }
        }

        return items[0].Membership;
    }
}
