using Prometheus;
using ReefDB.Node.Replicas;

namespace ReefDB.Node.Observability;

/// <summary>
/// The node's Prometheus metrics (names prefixed <c>reefdb_</c>), in a registry of its own so that several nodes
/// in one process (tests) do not share counters. Gauges of the Raft state are read from the replica at each scrape.
/// </summary>
internal sealed class NodeMetrics
{
    private static readonly string[] Roles = ["leader", "follower", "candidate", "learner"];

    private readonly Counter requests;
    private readonly Counter grpcRequests;
    private readonly Counter proposals;
    private readonly Histogram proposalSeconds;
    private readonly Histogram readIndexSeconds;
    private readonly Counter leaderChanges;
    private readonly Counter elections;
    private readonly Gauge role;
    private readonly Gauge term;
    private readonly Gauge commitIndex;
    private readonly Gauge appliedIndex;
    private readonly Gauge logEntries;
    private readonly Gauge logBytes;
    private readonly Gauge snapshotIndex;
    private readonly Gauge pendingProposals;
    private readonly Counter.Child proposalsAccepted;
    private readonly Counter.Child proposalsRefused;
    private readonly Counter.Child proposalsFailed;
    private readonly Counter.Child executeOk;

    public NodeMetrics(Func<CancellationToken, Task<ReplicaSnapshot>> status)
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = WithoutExemplars(Registry);
        requests = factory.CreateCounter("reefdb_http_requests_total", "HTTP requests by endpoint and status.", ["endpoint", "status"]);
        grpcRequests = factory.CreateCounter("reefdb_grpc_requests_total", "gRPC calls served by method and result (ok, or the error code).", ["method", "result"]);
        proposals = factory.CreateCounter(
            "reefdb_proposals_total",
            "Writes proposed on this node, by result: accepted (committed and applied), refused (not taken: no leader, overloaded, leadership moving; retryable), failed (outcome unknown or node stopped).",
            ["result"]);
        // Every result is exported from the start (at 0), so a rate or an alert on refusals has a series to read. The
        // children are kept: every write counts one, and a label lookup hashes and compares its values each time.
        proposalsAccepted = proposals.WithLabels("accepted");
        proposalsRefused = proposals.WithLabels("refused");
        proposalsFailed = proposals.WithLabels("failed");
        executeOk = grpcRequests.WithLabels("Execute", "ok");

        proposalSeconds = factory.CreateHistogram("reefdb_proposal_seconds", "Time from proposal to apply on this node (accepted proposals).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        readIndexSeconds = factory.CreateHistogram("reefdb_read_index_seconds", "Time to obtain a linearizable read index and apply up to it.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        leaderChanges = factory.CreateCounter("reefdb_leader_changes_total", "Times this node learned of a new leader.");
        elections = factory.CreateCounter("reefdb_elections_total", "Elections this node started (a candidate in a new term; pre-votes are not counted).");
        role = factory.CreateGauge("reefdb_raft_role", "1 for this node's current role.", ["role"]);
        term = factory.CreateGauge("reefdb_raft_term", "Current Raft term.");
        commitIndex = factory.CreateGauge("reefdb_raft_commit_index", "Highest log index known committed.");
        appliedIndex = factory.CreateGauge("reefdb_raft_applied_index", "Log index of the published state.");
        logEntries = factory.CreateGauge("reefdb_raft_log_entries", "Entries in the log (last index - first index + 1).");
        logBytes = factory.CreateGauge("reefdb_raft_log_bytes", "Bytes of log segments on disk.");
        snapshotIndex = factory.CreateGauge("reefdb_raft_snapshot_index", "Index of the newest snapshot.");
        pendingProposals = factory.CreateGauge("reefdb_pending_proposals", "Proposals accepted and not yet answered.");
        RuntimeMetrics.Register(Registry, factory);
        Registry.AddBeforeCollectCallback(async cancel =>
        {
            var s = await status(cancel).ConfigureAwait(false);
            foreach (var name in Roles)
            {
                role.WithLabels(name).Set(string.Equals(name, s.Role, StringComparison.Ordinal) ? 1 : 0);
            }

            term.Set(s.Term);
            commitIndex.Set(s.CommitIndex);
            appliedIndex.Set(s.AppliedIndex);
            logEntries.Set(s.LastIndex >= s.FirstIndex ? s.LastIndex - s.FirstIndex + 1 : 0);
            logBytes.Set(s.LogBytes);
            snapshotIndex.Set(s.SnapshotIndex);
            pendingProposals.Set(s.PendingProposals);
        });
    }

    public CollectorRegistry Registry { get; }

    public void Request(string endpoint, int status) => requests.WithLabels(endpoint, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();

    public void GrpcRequest(string method, string result)
    {
        if (string.Equals(method, "Execute", StringComparison.Ordinal) && string.Equals(result, "ok", StringComparison.Ordinal))
        {
            // The hot series: one per SQL call over gRPC.
            executeOk.Inc();
            return;
        }

        grpcRequests.WithLabels(method, result).Inc();
    }

    public void Proposal(string result)
    {
        var child = result switch
        {
            "accepted" => proposalsAccepted,
            "refused" => proposalsRefused,
            "failed" => proposalsFailed,
            _ => proposals.WithLabels(result),
        };
        child.Inc();
    }

    public void ProposalLatency(TimeSpan elapsed) => proposalSeconds.Observe(elapsed.TotalSeconds);

    public void ReadIndexLatency(TimeSpan elapsed) => readIndexSeconds.Observe(elapsed.TotalSeconds);

    public void LeaderChanged() => leaderChanges.Inc();

    public void ElectionStarted() => elections.Inc();

    /// <summary>A metric factory for <paramref name="registry"/> that records no exemplars. prometheus-net's default
    /// asks the current trace context for one at every increment and observation (a lookup and a pooled object per
    /// write on the hot path); the node exports no traces, so there is never one to record.</summary>
    internal static IMetricFactory WithoutExemplars(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        factory.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        return factory;
    }
}
