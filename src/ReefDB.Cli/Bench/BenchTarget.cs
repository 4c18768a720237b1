namespace ReefDB.Cli.Bench;

/// <summary>The system a bench run loads.</summary>
internal enum BenchTarget
{
    /// <summary>A ReefDB cluster over gRPC <c>reefdb.sql.Sql</c>.</summary>
    ReefDb,

    /// <summary>An etcd v3 cluster over gRPC (dotnet-etcd).</summary>
    Etcd,
}
