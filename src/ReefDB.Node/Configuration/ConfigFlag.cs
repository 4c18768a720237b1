namespace ReefDB.Node.Configuration;

/// <summary>A command-line flag of <c>reefdb serve</c> that sets a configuration field.</summary>
/// <param name="Name">The flag, e.g. <c>--node-id</c>.</param>
/// <param name="Key">The configuration key it sets, e.g. <c>node_id</c>; pass flag values to
/// <see cref="NodeConfiguration"/> under this key.</param>
/// <param name="Description">Help text, with the expected form and the default.</param>
public sealed record ConfigFlag(string Name, string Key, string Description);
