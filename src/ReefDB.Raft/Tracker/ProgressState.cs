namespace ReefDB.Raft.Tracker;

/// <summary>How the leader currently replicates to one follower (see OVERVIEW.md for the state diagram).</summary>
public enum ProgressState
{
    /// <summary>The leader does not know where the follower's log matches: one append per heartbeat interval, waiting
    /// for the answer before the next.</summary>
    Probe,

    /// <summary>The follower's log matches up to Match: appends are streamed optimistically, bounded by the inflight
    /// window.</summary>
    Replicate,

    /// <summary>The follower needs entries that were compacted: a snapshot is on its way; nothing else is sent.</summary>
    Snapshot,
}
