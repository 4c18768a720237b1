using System.Globalization;

namespace ReefDB.Raft.Configuration;

/// <summary>
/// Who is in the group: voters decide elections and commits; learners receive the log but never count in a quorum.
/// </summary>
/// <remarks>
/// Immutable. Ids are kept sorted so iteration order, equality and formatting are deterministic.
/// Invariant: a node is never both a voter and a learner; id 0 never appears.
/// </remarks>
public sealed class Membership : IEquatable<Membership>
{
    private readonly ulong[] voters;
    private readonly ulong[] learners;

    /// <summary>Creates a membership; duplicates are merged.</summary>
    /// <exception cref="ArgumentException">An id is 0, or a node is listed as both voter and learner.</exception>
    public Membership(IEnumerable<ulong> voters, IEnumerable<ulong>? learners = null)
    {
        this.voters = [.. voters.Distinct().Order()];
        this.learners = [.. (learners ?? []).Distinct().Order()];
        if (this.voters.Contains(0UL) || this.learners.Contains(0UL))
        {
            throw new ArgumentException("Node id 0 means 'none' and cannot be a member.", nameof(voters));
        }

        foreach (var id in this.learners)
        {
            if (Array.BinarySearch(this.voters, id) >= 0)
            {
                throw new ArgumentException($"Node {id} cannot be both a voter and a learner.", nameof(learners));
            }
        }
    }

    /// <summary>No members at all: the state of a node that joins and waits to hear from the leader.</summary>
    public static Membership Empty { get; } = new([], []);

    /// <summary>Voter ids, ascending.</summary>
    public IReadOnlyList<ulong> Voters => voters;

    /// <summary>Learner ids, ascending.</summary>
    public IReadOnlyList<ulong> Learners => learners;

    /// <summary>True when <paramref name="id"/> votes.</summary>
    public bool IsVoter(ulong id) => Array.BinarySearch(voters, id) >= 0;

    /// <summary>True when <paramref name="id"/> is a learner.</summary>
    public bool IsLearner(ulong id) => Array.BinarySearch(learners, id) >= 0;

    /// <summary>True when <paramref name="id"/> is a voter or a learner.</summary>
    public bool Contains(ulong id) => IsVoter(id) || IsLearner(id);

    /// <summary>Every member, voters then learners, each ascending.</summary>
    public IEnumerable<ulong> All => voters.Concat(learners);

    /// <summary>
    /// The membership after <paramref name="change"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The change does not fit this membership (adding a present node,
    /// promoting a non-learner, removing an absent node).</exception>
    public Membership Apply(ConfChange change)
    {
        var id = change.NodeId;
        return change.Type switch
        {
            ConfChangeType.AddVoter when !Contains(id) => new Membership(voters.Append(id), learners),
            ConfChangeType.AddLearner when !Contains(id) => new Membership(voters, learners.Append(id)),
            ConfChangeType.PromoteLearner when IsLearner(id) =>
                new Membership(voters.Append(id), learners.Where(l => l != id)),
            ConfChangeType.RemoveNode when Contains(id) =>
                new Membership(voters.Where(v => v != id), learners.Where(l => l != id)),
            _ => throw new InvalidOperationException($"Cannot apply {change} to membership {this}."),
        };
    }

    /// <summary>True when <see cref="Apply"/> would succeed.</summary>
    public bool CanApply(ConfChange change)
    {
        var id = change.NodeId;
        return id != 0 && change.Type switch
        {
            ConfChangeType.AddVoter or ConfChangeType.AddLearner => !Contains(id),
            ConfChangeType.PromoteLearner => IsLearner(id),
            ConfChangeType.RemoveNode => Contains(id),
            _ => false,
        };
    }

    /// <inheritdoc />
    public bool Equals(Membership? other) =>
        other is not null && voters.AsSpan().SequenceEqual(other.voters) && learners.AsSpan().SequenceEqual(other.learners);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Membership);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in voters)
        {
            hash.Add(v);
        }

        hash.Add(-1);
        foreach (var l in learners)
        {
            hash.Add(l);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats as <c>voters=(1 2 3) learners=(4)</c>.</summary>
    public override string ToString()
    {
        var text = "voters=(" + string.Join(' ', voters.Select(v => v.ToString(CultureInfo.InvariantCulture))) + ")";
        return learners.Length == 0
            ? text
            : text + " learners=(" + string.Join(' ', learners.Select(v => v.ToString(CultureInfo.InvariantCulture))) + ")";
    }
}
