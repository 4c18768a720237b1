namespace ReefDB.Cli.Bench.Failover;

/// <summary><c>reefdb bench failover</c>: how many kills, the Raft timing the nodes run with, and where they keep data.</summary>
internal sealed record FailoverOptions(int Runs, int RaftTickMs, int ElectionTick, string Fsync, string WorkDirectory, bool Json)
{
    /// <summary>The configured election timeout: election_tick × raft_tick_ms (followers wait up to twice this).</summary>
    public TimeSpan ElectionTimeout => TimeSpan.FromMilliseconds((double)RaftTickMs * ElectionTick);
}
