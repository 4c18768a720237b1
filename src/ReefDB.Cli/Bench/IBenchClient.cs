namespace ReefDB.Cli.Bench;

/// <summary>
/// One system under load, connected with one long-lived channel per endpoint. The operations throw on any failure
/// (the runner counts it as an error); they are called concurrently by many clients.
/// </summary>
internal interface IBenchClient : IAsyncDisposable
{
    int EndpointCount { get; }

    /// <summary>The index of the endpoint that leads now, for <see cref="ClientPlacement.Leader"/>.</summary>
    Task<int> FindLeaderAsync(CancellationToken cancellationToken);

    /// <summary>Methods the target's servers have had compiled by a JIT so far, summed over every server; null for a
    /// target compiled ahead of time (etcd), whose warm-up has no compiler to wait for, or when it cannot be read.</summary>
    Task<long?> CompiledMethodsAsync(CancellationToken cancellationToken);

    /// <summary>Creates what the run writes into, fresh for this run so keys never collide with an earlier run.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Writes a new <paramref name="key"/> (never written before in this run) through <paramref name="endpoint"/>.</summary>
    Task InsertAsync(int endpoint, long key, string value, CancellationToken cancellationToken);

    /// <summary>A linearizable read of a <paramref name="key"/> written before, through <paramref name="endpoint"/>;
    /// throws when the key is missing.</summary>
    Task GetAsync(int endpoint, long key, CancellationToken cancellationToken);
}
