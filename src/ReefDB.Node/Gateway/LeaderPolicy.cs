namespace ReefDB.Node.Gateway;

/// <summary>What a node does with a request only the leader can serve.</summary>
internal enum LeaderPolicy
{
    /// <summary>Forward it to the leader over gRPC and relay the answer (the default).</summary>
    Forward,

    /// <summary>Tell the client where the leader is (HTTP 307): <c>redirect=true</c>.</summary>
    Redirect,

    /// <summary>Serve it here or fail: a request that was already forwarded once (no forwarding loops).</summary>
    LocalOnly,
}

/// <summary>The client asked for a redirect and this node does not lead.</summary>
internal sealed class RedirectToLeaderException(ulong leaderId) : Exception($"node {leaderId} leads")
{
    public ulong LeaderId { get; } = leaderId;
}

/// <summary>Sends a request to the leader's <c>reefdb.sql.Sql/Execute</c> and returns its answer.</summary>
internal interface ILeaderForwarder
{
    /// <exception cref="GatewayException">The leader could not be reached or did not answer (retryable, or
    /// outcome unknown when the request may have reached it).</exception>
    Task<SqlResult> ForwardAsync(ulong leaderId, SqlRequest request, CancellationToken cancellationToken);
}
