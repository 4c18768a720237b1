using ReefDB.Node.Admin;
using ReefDB.Node.Configuration;
using ReefDB.Node.Gateway;
using ReefDB.Node.Membership;
using ReefDB.Node.Observability;
using ReefDB.Node.Replicas;

namespace ReefDB.Node;

/// <summary>What the node's endpoints share: settings, the replica, the gateway, addresses and metrics; the admin
/// interface of the replica and the way to the leader for admin calls (both optional: tests leave them out).</summary>
internal sealed record NodeServices(
    NodeOptions Options,
    IReplica Replica,
    SqlGateway Gateway,
    MemberDirectory Members,
    RequestLimits Limits,
    NodeMetrics Metrics,
    Readiness Readiness,
    IReplicaAdmin? Admin = null,
    IAdminForwarder? AdminForwarder = null);
