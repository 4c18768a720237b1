using System.Globalization;

namespace ReefDB.Raft.Configuration;

/// <summary>A single-server membership change, proposed with <see cref="RaftNode.ProposeConfChange"/>.</summary>
/// <param name="Type">What to do.</param>
/// <param name="NodeId">The node it concerns (never 0).</param>
/// <param name="Context">Opaque application bytes carried along (for example the new node's address).</param>
public sealed record ConfChange(ConfChangeType Type, ulong NodeId, ReadOnlyMemory<byte> Context = default)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Type} {NodeId}");
}
