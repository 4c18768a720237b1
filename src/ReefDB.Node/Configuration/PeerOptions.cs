namespace ReefDB.Node.Configuration;

/// <summary>A member of the initial cluster, as listed under <c>peers</c>.</summary>
/// <param name="NodeId">The member's Raft id (≥ 1, unique in the list).</param>
/// <param name="Addr">Its gRPC address, <c>host:port</c>: where Raft traffic and forwarded SQL go.</param>
/// <param name="HttpAddr">Its HTTP address, <c>host:port</c>, used to redirect clients (<c>redirect=true</c>); optional.</param>
public sealed record PeerOptions(ulong NodeId, string Addr, string? HttpAddr = null);
