using Microsoft.Extensions.Logging;

namespace ReefDB.Node;

/// <summary>The node's log events (EventIds 5000–5099).</summary>
internal static partial class LogMessages
{
    [LoggerMessage(5000, LogLevel.Information, "Node {NodeId} of cluster {ClusterId} serving HTTP on {HttpAddr} and gRPC on {RpcAddr} (raft directory {RaftDir})")]
    public static partial void Started(ILogger logger, ulong nodeId, string clusterId, string httpAddr, string rpcAddr, string raftDir);

    [LoggerMessage(5001, LogLevel.Information, "Node {NodeId} bootstraps a new cluster of {Members}")]
    public static partial void Bootstrapping(ILogger logger, ulong nodeId, string members);

    [LoggerMessage(5002, LogLevel.Information, "Node {NodeId} restarts from its raft directory; configured peers are ignored")]
    public static partial void Restarting(ILogger logger, ulong nodeId);

    [LoggerMessage(5003, LogLevel.Information, "Leader change seen by node {NodeId}: leader {LeaderId} ({LeaderAddr}), term {Term}, this node is {Role}")]
    public static partial void LeaderChanged(ILogger logger, ulong nodeId, ulong leaderId, string? leaderAddr, ulong term, string role);

    [LoggerMessage(5004, LogLevel.Information, "Node {NodeId} stopping: finishing in-flight requests")]
    public static partial void Stopping(ILogger logger, ulong nodeId);

    [LoggerMessage(5005, LogLevel.Information, "Node {NodeId} stopped; files closed")]
    public static partial void Stopped(ILogger logger, ulong nodeId);

    [LoggerMessage(5006, LogLevel.Information, "Membership change at index {Index}: {Change}; members now {Members}")]
    public static partial void MembershipChanged(ILogger logger, ulong index, string change, string members);

    [LoggerMessage(5007, LogLevel.Warning, "{Warning}")]
    public static partial void ConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(5009, LogLevel.Information, "Learner {NodeId} caught up (match index {MatchIndex}) and was promoted to voter")]
    public static partial void LearnerPromoted(ILogger logger, ulong nodeId, ulong matchIndex);

    [LoggerMessage(5008, LogLevel.Critical, "The Raft loop of node {NodeId} failed; the node stops")]
    public static partial void ReplicaFailed(ILogger logger, ulong nodeId, Exception error);

    [LoggerMessage(5010, LogLevel.Information, "Node {NodeId} asked {JoinAddr} to join the cluster; node {AnsweredBy} answered: {Result}")]
    public static partial void Joined(ILogger logger, ulong nodeId, string joinAddr, ulong answeredBy, string result);

    [LoggerMessage(5011, LogLevel.Warning, "Node {NodeId} could not join through {JoinAddr} (attempt {Attempt}): {Code}: {Message}; retrying in {DelayMs} ms")]
    public static partial void JoinRetry(ILogger logger, ulong nodeId, string joinAddr, int attempt, string code, string message, double delayMs);

    [LoggerMessage(5012, LogLevel.Warning, "Node {NodeId}: slow log write: {ElapsedMs:0.0} ms to write and fsync one batch of entries (slow_fsync_ms {ThresholdMs}); the disk delays every commit")]
    public static partial void SlowFsync(ILogger logger, ulong nodeId, double elapsedMs, int thresholdMs);

    [LoggerMessage(5013, LogLevel.Warning, "Node {NodeId}: slow apply: {ElapsedMs:0.0} ms to apply one entry (slow_apply_ms {ThresholdMs}); later entries wait for it")]
    public static partial void SlowApply(ILogger logger, ulong nodeId, double elapsedMs, int thresholdMs);

    [LoggerMessage(5014, LogLevel.Information, "Node {NodeId} starts an election; its term was {Term} (a pre-vote does not raise it)")]
    public static partial void ElectionStarted(ILogger logger, ulong nodeId, ulong term);
}
