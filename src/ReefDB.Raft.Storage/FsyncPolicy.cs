namespace ReefDB.Raft.Storage;

/// <summary>When the storage forces its writes to the disk.</summary>
public enum FsyncPolicy
{
    /// <summary>Every append, hard state, snapshot and directory change is fsynced before the call returns:
    /// what a call persisted survives a power cut. The default.</summary>
    Always,

    /// <summary>Nothing is fsynced: a crash of the machine (not of the process) may lose acknowledged writes.
    /// For tests and benchmarks only; the owner of the storage should warn at start (see
    /// <see cref="DurableRaftStorage.FsyncPolicy"/>).</summary>
    None,
}
