namespace ReefDB.Cli.Bench;

/// <summary>Which endpoint each client talks to.</summary>
internal enum ClientPlacement
{
    /// <summary>Client i uses endpoint i mod n, as etcd's own benchmark spreads its clients; followers forward
    /// ReefDB writes to the leader (etcd followers do the same with proposals).</summary>
    Spread,

    /// <summary>Every client talks to the current leader: no forwarding hop.</summary>
    Leader,
}
