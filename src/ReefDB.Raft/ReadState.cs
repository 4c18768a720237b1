namespace ReefDB.Raft;

/// <summary>
/// The answer to a <see cref="RaftNode.ReadIndex(ReadOnlyMemory{byte})"/> request: once this node has applied <see cref="Index"/>, a read
/// served from its state machine is linearizable (it reflects every write acknowledged before the request).
/// </summary>
/// <param name="Index">The commit index to wait for.</param>
/// <param name="Context">The request id the caller passed to <see cref="RaftNode.ReadIndex(ReadOnlyMemory{byte})"/>.</param>
public sealed record ReadState(ulong Index, ReadOnlyMemory<byte> Context);
