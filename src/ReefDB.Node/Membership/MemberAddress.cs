namespace ReefDB.Node.Membership;

/// <summary>Where a member listens: gRPC (<paramref name="RpcAddr"/>) and, when known, HTTP.</summary>
internal sealed record MemberAddress(ulong NodeId, string RpcAddr, string? HttpAddr);
