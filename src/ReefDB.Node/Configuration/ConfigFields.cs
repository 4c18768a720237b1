using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ReefDB.Node.Configuration;

/// <summary>
/// The one list of configuration fields and their defaults (docs/CONFIG.md mirrors it, and a test checks
/// that it does). Structured fields (<c>peers</c>, <c>tls</c>) are handled by <see cref="NodeConfiguration"/>.
/// </summary>
internal static class ConfigFields
{
    public const string Peers = "peers";
    public const string Tls = "tls";

    public static readonly IReadOnlyList<string> PeerKeys = ["node_id", "addr", "http_addr"];
    public static readonly IReadOnlyList<string> TlsKeys = ["cert_file", "key_file", "ca_file"];

    public static readonly IReadOnlyList<ConfigField> Scalars =
    [
        new("node_id", "an integer ≥ 1", "1", "this node's Raft id",
            (o, v) => o with { NodeId = ParseULong(v, min: 1) }, "REEFDB_NODE_ID"),
        new("cluster_id", "a non-empty name without line breaks", "reefdb", "cluster name kept in the raft directory",
            (o, v) => o with { ClusterId = ParseName(v) }, "REEFDB_CLUSTER_ID"),
        new("data_dir", "a directory path", "./data", "where the node keeps its data",
            (o, v) => o with { DataDir = ParsePath(v) }, "REEFDB_DATA", "REEFDB_DATA_DIR"),
        new("raft_dir", "a directory path", "<data_dir>/raft", "Raft log, hard state, identity and snapshots",
            (o, v) => o with { RaftDir = ParsePath(v) }, "REEFDB_RAFT_DIR"),
        new("rpc_addr", "host:port", "127.0.0.1:50051", "gRPC listen address (Raft, forwarded SQL, reefdb.sql.Sql)",
            (o, v) => o with { RpcAddr = ParseAddress(v) }, "REEFDB_RPC_ADDR"),
        new("http_addr", "host:port", "127.0.0.1:8080", "HTTP/JSON listen address (SQL gateway, status, health, metrics)",
            (o, v) => o with { HttpAddr = ParseAddress(v) }, "REEFDB_HTTP_ADDR"),
        new("join", "host:port of a running member", "(none)", "join that cluster as a learner instead of bootstrapping",
            (o, v) => o with { Join = ParseAddress(v) }, "REEFDB_JOIN"),
        new("raft_tick_ms", "an integer of milliseconds from 1 to 60000", "100", "length of one Raft tick",
            (o, v) => o with { RaftTickMs = ParseInt(v, 1, 60_000) }, "REEFDB_RAFT_TICK_MS"),
        new("election_tick", "an integer from 2 to 1000", "10", "ticks without a leader before campaigning",
            (o, v) => o with { ElectionTick = ParseInt(v, 2, 1000) }, "REEFDB_ELECTION_TICK"),
        new("heartbeat_tick", "an integer from 1 to 1000, below election_tick", "1", "ticks between leader heartbeats",
            (o, v) => o with { HeartbeatTick = ParseInt(v, 1, 1000) }, "REEFDB_HEARTBEAT_TICK"),
        new("max_grpc_msg_bytes", "an integer of bytes from 65536 to 1073741824", "16777216", "largest gRPC message sent or accepted",
            (o, v) => o with { MaxGrpcMsgBytes = ParseInt(v, 64 * 1024, 1 << 30) }, "REEFDB_MAX_GRPC_MSG_BYTES"),
        new("snapshot_entries", "an integer ≥ 0 (0 disables)", "10000", "applied entries since the last snapshot that trigger one",
            (o, v) => o with { SnapshotEntries = ParseLong(v, 0) }, "REEFDB_SNAPSHOT_ENTRIES"),
        new("snapshot_log_bytes", "an integer of bytes ≥ 0 (0 disables)", "67108864", "log bytes on disk that trigger a snapshot and compaction",
            (o, v) => o with { SnapshotLogBytes = ParseLong(v, 0) }, "REEFDB_SNAPSHOT_LOG_BYTES"),
        new("snapshot_tail_entries", "an integer ≥ 0", "5000", "log entries kept before a snapshot's index when compacting",
            (o, v) => o with { SnapshotTailEntries = ParseLong(v, 0) }, "REEFDB_SNAPSHOT_TAIL_ENTRIES"),
        new("fsync", "always or none", "always", "when Raft writes are forced to disk (none: tests and benchmarks only)",
            (o, v) => o with { Fsync = ParseEnum<FsyncMode>(v) }, "REEFDB_FSYNC"),
        new("read_consistency", "linearizable, lease or stale", "linearizable", "consistency of reads that name none",
            (o, v) => o with { ReadConsistency = ParseEnum<ReadConsistency>(v) }, "REEFDB_READ_CONSISTENCY"),
        new("lease_reads", "true or false (the same on every member)", "false",
            "the leader serves lease reads from its lease (no heartbeat round while it holds); linearizable reads always confirm leadership with a round",
            (o, v) => o with { LeaseReads = ParseBool(v) }, "REEFDB_LEASE_READS"),
        new("slow_fsync_ms", "an integer of milliseconds from 1 to 600000", "1000", "a log write + fsync slower than this is logged as a warning",
            (o, v) => o with { SlowFsyncMs = ParseInt(v, 1, 600_000) }, "REEFDB_SLOW_FSYNC_MS"),
        new("slow_apply_ms", "an integer of milliseconds from 1 to 600000", "100", "applying one entry slower than this is logged as a warning",
            (o, v) => o with { SlowApplyMs = ParseInt(v, 1, 600_000) }, "REEFDB_SLOW_APPLY_MS"),
        new("max_inflight_per_peer", "an integer from 1 to 65536", "256", "Raft messages in flight to one peer before dropping",
            (o, v) => o with { MaxInflightPerPeer = ParseInt(v, 1, 65_536) }, "REEFDB_MAX_INFLIGHT_PER_PEER"),
        new("max_pending_proposals", "an integer from 1 to 1000000", "1024", "writes waiting for commit before a retryable 503",
            (o, v) => o with { MaxPendingProposals = ParseInt(v, 1, 1_000_000) }, "REEFDB_MAX_PENDING_PROPOSALS"),
        new("max_request_bytes", "an integer of bytes from 1024 to 1073741824", "4194304", "largest HTTP request body",
            (o, v) => o with { MaxRequestBytes = ParseLong(v, 1024, 1 << 30) }, "REEFDB_MAX_REQUEST_BYTES"),
        new("max_result_bytes", "an integer of bytes from 65536 to 2147483648", "268435456",
            "largest result one read statement may build, estimated from its values; beyond it the statement fails with 54000",
            (o, v) => o with { MaxResultBytes = ParseLong(v, 65_536, 1L << 31) }, "REEFDB_MAX_RESULT_BYTES"),
        new("request_timeout_ms", "an integer of milliseconds from 100 to 600000", "10000", "how long a request may take: a write waits for commit and apply (then outcome unknown), a read for its read index and its statements (then 57014)",
            (o, v) => o with { RequestTimeoutMs = ParseInt(v, 100, 600_000) }, "REEFDB_REQUEST_TIMEOUT_MS"),
        new("log_format", "text or json", "text", "console log format",
            (o, v) => o with { LogFormat = ParseEnum<LogFormat>(v) }, "REEFDB_LOG_FORMAT"),
        new("log_level", "trace, debug, information, warning, error or critical", "information", "least severe level logged",
            (o, v) => o with { LogLevel = ParseLogLevel(v) }, "REEFDB_LOG_LEVEL"),
    ];

    public static ConfigField? Find(string key) =>
        Scalars.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));

    public static bool IsKnownTopLevel(string key) =>
        Find(key) is not null
        || string.Equals(key, Peers, StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, Tls, StringComparison.OrdinalIgnoreCase);

    internal static ulong ParseULong(string text, ulong min) =>
        ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new FormatException();

    internal static int ParseInt(string text, int min, int max) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException();

    internal static long ParseLong(string text, long min, long max = long.MaxValue) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException();

    internal static bool ParseBool(string text) => text.Trim().ToUpperInvariant() switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => throw new FormatException(),
    };

    internal static string ParseName(string text) =>
        text.Trim() is { Length: > 0 } name && !name.Contains('\n', StringComparison.Ordinal) && !name.Contains('\r', StringComparison.Ordinal)
            ? name
            : throw new FormatException();

    internal static string ParsePath(string text) =>
        text.Trim() is { Length: > 0 } path && path.IndexOfAny(Path.GetInvalidPathChars()) < 0 ? path : throw new FormatException();

    /// <summary>Accepts <c>host:port</c> (a name, IPv4, or bracketed IPv6) with a port from 1 to 65535.</summary>
    internal static string ParseAddress(string text)
    {
        var address = text.Trim();
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || colon == address.Length - 1)
        {
            throw new FormatException();
        }

        var host = address[..colon];
        if (host.Contains(':', StringComparison.Ordinal) && !(host.StartsWith('[') && host.EndsWith(']')))
        {
            throw new FormatException();
        }

        if (host.Any(char.IsWhiteSpace) || host.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException();
        }

        _ = ParseInt(address[(colon + 1)..], 1, 65_535);
        return address;
    }

    internal static T ParseEnum<T>(string text)
        where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : throw new FormatException();

    private static LogLevel ParseLogLevel(string text)
    {
        var level = ParseEnum<LogLevel>(text);
        return level == LogLevel.None ? throw new FormatException() : level;
    }
}
