namespace ReefDB.Cli.Bench;

/// <summary>What each client does in a loop.</summary>
internal enum BenchWorkload
{
    /// <summary>ReefDB: a single-row INSERT of a new key; etcd: a put of a new key.</summary>
    Insert,

    /// <summary>ReefDB: a linearizable point SELECT by primary key; etcd: a linearizable range get of one key.</summary>
    Get,
}
