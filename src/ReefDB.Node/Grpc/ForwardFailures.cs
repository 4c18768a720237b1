using ReefDB.Node.Gateway;

namespace ReefDB.Node.Grpc;

/// <summary>The gateway error for a forwarded request whose fate is unknown, the same whether it went unary or over
/// the <c>Sql.Forward</c> stream.</summary>
internal static class ForwardFailures
{
    public static GatewayException OutcomeUnknown(ulong leaderId, string address, string why, Exception? cause) => new(
        GatewayErrorCode.OutcomeUnknown,
        $"forwarding to the leader (node {leaderId} at {address}) failed after sending: {why}; " +
        "a write may or may not have been applied (retrying with the same client_id and seq is safe)",
        leaderId: leaderId,
        inner: cause);
}
