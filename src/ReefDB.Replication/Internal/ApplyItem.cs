using ReefDB.Raft.Messages;

namespace ReefDB.Replication.Internal;

/// <summary>A committed, durable entry on its way to the state machine, with the proposal it answers when it was
/// proposed here (matched by the driver: same index and term).</summary>
internal readonly record struct ApplyItem(Entry Entry, PendingProposal? Proposal);
