using Google.Protobuf;

namespace ReefDB.StateMachine.Sessions;

/// <summary>
/// What the state machine remembers of one writer (Raft dissertation §6.3): the last sequence number
/// it applied for that client, the encoded outcome it answered with, and the log index of that apply,
/// which drives expiry.
/// </summary>
/// <param name="ClientId">The writer's identity, chosen by the client.</param>
/// <param name="LastSequence">Highest sequence applied for this client.</param>
/// <param name="LastOutcome">The encoded <c>CommandOutcome</c> of <paramref name="LastSequence"/>.</param>
/// <param name="LastAppliedIndex">Log index at which <paramref name="LastSequence"/> was applied.</param>
public sealed record ClientSession(string ClientId, ulong LastSequence, ByteString LastOutcome, ulong LastAppliedIndex);
