namespace ReefDB.Node.Gateway;

/// <summary>
/// A request the gateway cannot serve, with a stable <see cref="Code"/> (see <see cref="GatewayErrorCode"/>) and
/// whether the client may simply retry. Never an SQL error: those travel inside the results.
/// </summary>
internal sealed class GatewayException(string code, string message, bool retryable = false, ulong leaderId = 0, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    public bool Retryable { get; } = retryable;

    /// <summary>The leader this node knows of (0: none).</summary>
    public ulong LeaderId { get; } = leaderId;
}

/// <summary>This node cannot do it because it does not lead; <see cref="LeaderId"/> does (0: unknown).</summary>
internal sealed class NotLeaderException(ulong leaderId) : Exception($"this node does not lead; leader is {leaderId}")
{
    public ulong LeaderId { get; } = leaderId;
}
