using System.Globalization;
using System.Security.Cryptography;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;

namespace ReefDB.Cli.Bench;

/// <summary>
/// An etcd v3 cluster through dotnet-etcd: one client (one gRPC channel) per endpoint, shared by every bench client
/// of that endpoint. Puts write keys under a prefix fresh for this run; gets are linearizable (etcd's default:
/// not serializable) range requests of one key.
/// </summary>
internal sealed class EtcdBenchClient(IReadOnlyList<string> endpoints) : IBenchClient
{
    private static readonly TimeSpan OperationDeadline = TimeSpan.FromSeconds(30);
    private readonly EtcdClient[] clients = [.. endpoints.Select(e => new EtcdClient("http://" + e))];
    private readonly string prefix = "bench/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + "/";

    public int EndpointCount => clients.Length;

    public Task<long?> CompiledMethodsAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    public async Task<int> FindLeaderAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < clients.Length; i++)
        {
            var status = await clients[i].StatusAsync(new StatusRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (status.Leader == status.Header.MemberId)
            {
                return i;
            }
        }

        throw new BenchOperationException("no etcd endpoint reports itself as the leader");
    }

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task InsertAsync(int endpoint, long key, string value, CancellationToken cancellationToken) =>
        clients[endpoint].PutAsync(
            new PutRequest { Key = Key(key), Value = ByteString.CopyFromUtf8(value) },
            deadline: DateTime.UtcNow + OperationDeadline,
            cancellationToken: cancellationToken);

    public async Task GetAsync(int endpoint, long key, CancellationToken cancellationToken)
    {
        var response = await clients[endpoint].GetAsync(
            new RangeRequest { Key = Key(key) }, deadline: DateTime.UtcNow + OperationDeadline, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.Kvs.Count != 1)
        {
            throw new BenchOperationException($"key {key.ToString(CultureInfo.InvariantCulture)} was written but not found");
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private ByteString Key(long key) => ByteString.CopyFromUtf8(prefix + key.ToString(CultureInfo.InvariantCulture));
}
