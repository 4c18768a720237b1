namespace ReefDB.Node.Gateway;

/// <summary>
/// Stable error codes of the gateway, sent as <c>error.code</c> (HTTP) and <c>error.code</c> (gRPC) next to SQL
/// errors' SQLSTATEs. Clients branch on them; never rename one.
/// </summary>
internal static class GatewayErrorCode
{
    /// <summary>The body is not valid JSON.</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>The body has a field the API does not define.</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>The body is JSON but not a valid request (wrong type, missing sql, both forms at once…).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>A query parameter has a value the API does not define.</summary>
    public const string InvalidParameter = "invalid_parameter";

    /// <summary>The body exceeds <c>max_request_bytes</c>.</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>No leader is known right now (an election is under way): retry after Retry-After.</summary>
    public const string NoLeader = "no_leader";

    /// <summary>Only the leader can do it and this node may not forward it: the message and <c>leader_id</c> name
    /// the leader (admin API).</summary>
    public const string NotLeader = "not_leader";

    /// <summary>The node has too many pending proposals: retry after Retry-After.</summary>
    public const string Overloaded = "overloaded";

    /// <summary>The request was refused without effect (leader change, transfer, timeout of a read): retry.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The write was handed to Raft but its outcome is unknown: it may or may not be applied. A retry
    /// with the same client_id and seq is safe.</summary>
    public const string OutcomeUnknown = "outcome_unknown";

    /// <summary>redirect=true was asked but the leader's HTTP address is not known.</summary>
    public const string LeaderAddressUnknown = "leader_address_unknown";

    /// <summary>The request or a membership change does not fit the cluster (e.g. unknown node id).</summary>
    public const string InvalidOperation = "invalid_operation";

    /// <summary>The node is shutting down or its Raft loop stopped.</summary>
    public const string NodeStopped = "node_stopped";

    /// <summary>An unexpected failure inside the node; the message says what.</summary>
    public const string Internal = "internal";
}
