using Microsoft.Extensions.Logging;

namespace ReefDB.Replication;

/// <summary>The replica's log events (EventId 4000–4099).</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Raft replica {NodeId} opened {Directory}: state restored at index {Applied}, log ends at {LastIndex}")]
    public static partial void Opened(ILogger logger, ulong nodeId, string directory, ulong applied, ulong lastIndex);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "fsync is disabled for {Directory}: a machine crash may lose acknowledged writes (use only for tests and benchmarks)")]
    public static partial void FsyncDisabled(ILogger logger, string directory);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Raft storage recovery: {Warning}")]
    public static partial void RecoveryWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Node {NodeId}: leader is {LeaderId} in term {Term}; this node is {Role}")]
    public static partial void LeaderChanged(ILogger logger, ulong nodeId, ulong leaderId, ulong term, string role);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Node {NodeId}: membership change {Change} applied at {Index}: {Membership}")]
    public static partial void MembershipApplied(ILogger logger, ulong nodeId, ulong index, string change, string membership);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Node {NodeId}: snapshot at {Index} started in the background")]
    public static partial void SnapshotStarted(ILogger logger, ulong nodeId, ulong index);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Node {NodeId}: snapshot at {Index} taken; log now {LogBytes} bytes on disk")]
    public static partial void SnapshotTaken(ILogger logger, ulong nodeId, ulong index, long logBytes);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "Node {NodeId}: snapshot at {Index} failed")]
    public static partial void SnapshotFailed(ILogger logger, ulong nodeId, ulong index, Exception error);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Node {NodeId}: installed snapshot {Index}/{Term} from the leader")]
    public static partial void SnapshotInstalled(ILogger logger, ulong nodeId, ulong index, ulong term);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Critical, Message = "Node {NodeId}: the replica loop failed and stopped")]
    public static partial void LoopFailed(ILogger logger, ulong nodeId, Exception error);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Node {NodeId}: dropped a message from {From}: {Problem}")]
    public static partial void BadMessage(ILogger logger, ulong nodeId, ulong from, string problem);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Raft replica {NodeId} closed")]
    public static partial void Closed(ILogger logger, ulong nodeId);
}
