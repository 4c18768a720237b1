using System.Collections.Immutable;
using Google.Protobuf;

namespace ReefDB.StateMachine.Sessions;

/// <summary>
/// The immutable set of client sessions, part of every state-machine version and of snapshots.
/// </summary>
/// <remarks>
/// Both collections are sorted (ordinal client ids; last applied index), so expiry and eviction order
/// and the snapshot encoding are identical on every replica. Each update returns a new table, so a
/// snapshot taken from a frozen version is never disturbed by apply.
/// </remarks>
public sealed class ClientSessionTable
{
    private static readonly IComparer<(ulong Index, string ClientId)> ActivityOrder =
        Comparer<(ulong Index, string ClientId)>.Create(static (a, b) =>
        {
            var byIndex = a.Index.CompareTo(b.Index);
            return byIndex != 0 ? byIndex : string.CompareOrdinal(a.ClientId, b.ClientId);
        });

    private readonly ImmutableSortedDictionary<string, ClientSession> byClient;

    // Invariant: holds exactly (session.LastAppliedIndex, session.ClientId) for each session in byClient.
    private readonly ImmutableSortedSet<(ulong Index, string ClientId)> byActivity;

    private ClientSessionTable(
        ImmutableSortedDictionary<string, ClientSession> byClient,
        ImmutableSortedSet<(ulong Index, string ClientId)> byActivity)
    {
        this.byClient = byClient;
        this.byActivity = byActivity;
    }

    /// <summary>A table with no sessions.</summary>
    public static ClientSessionTable Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, ClientSession>(StringComparer.Ordinal),
        ImmutableSortedSet.Create(ActivityOrder));

    /// <summary>Number of live sessions.</summary>
    public int Count => byClient.Count;

    /// <summary>The sessions in ordinal client-id order (the snapshot order).</summary>
    public IEnumerable<ClientSession> Sessions => byClient.Values;

    /// <summary>Looks up what to answer for a (client, sequence) pair before applying it.</summary>
    public SessionCheck Check(string clientId, ulong sequence)
    {
        if (!byClient.TryGetValue(clientId, out var session) || sequence > session.LastSequence)
        {
            return SessionCheck.Apply;
        }

        return sequence == session.LastSequence
            ? SessionCheck.Duplicate(session.LastOutcome)
            : SessionCheck.Stale(session.LastSequence);
    }

    /// <summary>
    /// Records that <paramref name="sequence"/> of <paramref name="clientId"/> was applied at
    /// <paramref name="index"/> with <paramref name="outcome"/>, then expires and evicts per
    /// <paramref name="policy"/>.
    /// </summary>
    public ClientSessionTable Record(string clientId, ulong sequence, ByteString outcome, ulong index, SessionPolicy policy)
    {
        var dict = byClient;
        var activity = byActivity;
        if (dict.TryGetValue(clientId, out var previous))
        {
            activity = activity.Remove((previous.LastAppliedIndex, clientId));
        }

        dict = dict.SetItem(clientId, new ClientSession(clientId, sequence, outcome, index));
        activity = activity.Add((index, clientId));
        return new ClientSessionTable(dict, activity).Expire(index, policy);
    }

    /// <summary>
    /// Forgets sessions idle for longer than the policy allows at log position <paramref name="index"/>,
    /// and the least recently active ones beyond the session limit. Apply calls this for every entry,
    /// so expiry depends only on the log.
    /// </summary>
    public ClientSessionTable Expire(ulong index, SessionPolicy policy)
    {
        var dict = byClient;
        var activity = byActivity;
        var cutoff = index > policy.ExpireAfterEntries ? index - policy.ExpireAfterEntries : 0;
        while (activity.Count > 0)
        {
            var oldest = activity.Min;
            if (oldest.Index >= cutoff && activity.Count <= policy.MaxSessions)
            {
                break;
            }

            activity = activity.Remove(oldest);
            dict = dict.Remove(oldest.ClientId);
        }

        return ReferenceEquals(dict, byClient) ? this : new ClientSessionTable(dict, activity);
    }

    /// <summary>Rebuilds a table from snapshot contents (any order; duplicates are a corrupt snapshot).</summary>
    public static ClientSessionTable FromSessions(IEnumerable<ClientSession> sessions)
    {
        var dict = Empty.byClient.ToBuilder();
        var activity = Empty.byActivity.ToBuilder();
        foreach (var session in sessions)
        {
            if (!dict.TryAdd(session.ClientId, session))
            {
                throw new InvalidDataException($"client session '{session.ClientId}' appears twice");
            }

            activity.Add((session.LastAppliedIndex, session.ClientId));
        }

        return new ClientSessionTable(dict.ToImmutable(), activity.ToImmutable());
    }
}
