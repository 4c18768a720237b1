using System.Text;

namespace ReefDB.Simulation.Linearizability;

/// <summary>
/// The checker's verdict; when it is not linearizable, the key whose history fails and the longest
/// prefix of that key's operations the search could order, to show where the history breaks.
/// </summary>
internal sealed record LinearizabilityResult(
    LinearizabilityVerdict Verdict,
    string? FailedKey,
    IReadOnlyList<KvOperation> FailedKeyOperations,
    IReadOnlyList<KvOperation> LongestLinearization)
{
    /// <summary>The result for a history that passed.</summary>
    public static LinearizabilityResult Pass { get; } = new(LinearizabilityVerdict.Linearizable, null, [], []);

    /// <summary>A multi-line report of the failing key's operations and the best partial order found.</summary>
    public string Describe()
    {
        if (Verdict == LinearizabilityVerdict.Linearizable)
        {
            return "linearizable";
        }

        var text = new StringBuilder();
        text.Append(Verdict == LinearizabilityVerdict.Undecided ? "undecided (search budget exhausted)" : "NOT linearizable")
            .Append(" on key ").Append(FailedKey).AppendLine(":");
        foreach (var operation in FailedKeyOperations)
        {
            text.Append("  ").AppendLine(operation.Describe());
        }

        text.AppendLine("longest linearizable prefix found:");
        foreach (var operation in LongestLinearization)
        {
            text.Append("  ").AppendLine(operation.Describe());
        }

        return text.ToString();
    }
}
