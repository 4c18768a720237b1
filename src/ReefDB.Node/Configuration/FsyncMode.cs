namespace ReefDB.Node.Configuration;

/// <summary>When the node forces Raft log and hard-state writes to disk.</summary>
public enum FsyncMode
{
    /// <summary>Before every vote, append acknowledgement and commit (the default; survives power loss).</summary>
    Always,

    /// <summary>Never: for tests and benchmarks only; a machine crash may lose acknowledged writes.</summary>
    None,
}
