namespace ReefDB.Node.Configuration;

/// <summary>A valid configuration and the notes made while loading it.</summary>
/// <param name="Options">The node's settings.</param>
/// <param name="Warnings">Things the operator should see that do not stop the node (e.g. unknown <c>REEFDB_</c> variables).</param>
public sealed record LoadedConfiguration(NodeOptions Options, IReadOnlyList<string> Warnings);
