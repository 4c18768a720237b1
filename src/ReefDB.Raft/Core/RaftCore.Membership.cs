using ReefDB.Raft.Configuration;
using ReefDB.Raft.Messages;

namespace ReefDB.Raft.Core;

/// <summary>
/// Membership changes take effect as soon as their entry is appended (dissertation §4.1), on every node, and are
/// undone if that entry is overwritten.
/// </summary>
internal sealed partial class RaftCore
{
    private void OnEntriesAppended(IReadOnlyList<Entry> entries)
    {
        var before = Configs.Current;
        Configs.TruncateFrom(entries[0].Index);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Type == EntryType.ConfChange)
            {
                Configs.Push(entries[i].Index, ConfChangeCodec.Decode(entries[i].Data.Span).Result);
            }
        }

        var after = Configs.Current;
        if (!after.Equals(before))
        {
            ApplyMembership(after);
        }
    }

    private void ApplyMembership(Membership membership)
    {
        // New members are probed at our last index; a rejection walks back to where their log ends.
        Tracker.SetMembership(membership, Log.LastIndex);
        if (Role != RaftRole.Leader)
        {
            return;
        }

        if (LeadTransferee != 0 && !membership.IsVoter(LeadTransferee))
        {
            AbortLeaderTransfer();
        }

        // A removed voter may have been what held the commit index back.
        if (MaybeCommit())
        {
            OnCommitAdvanced();
        }
    }

    /// <summary>The membership in force after applying entries up to <paramref name="index"/>.</summary>
    public Membership MembershipAt(ulong index) => Configs.At(index);
}
