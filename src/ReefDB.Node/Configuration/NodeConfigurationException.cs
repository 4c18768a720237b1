namespace ReefDB.Node.Configuration;

/// <summary>The configuration is invalid; <see cref="Problems"/> names every wrong or unknown field.</summary>
public sealed class NodeConfigurationException : Exception
{
    /// <summary>Creates the exception from one line per problem.</summary>
    public NodeConfigurationException(IReadOnlyList<string> problems)
        : base("invalid node configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p))) =>
        Problems = problems;

    /// <summary>One line per problem: where it is (file:line:column, variable or flag), the field, what was expected.</summary>
    public IReadOnlyList<string> Problems { get; }
}
