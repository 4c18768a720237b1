using System.Collections.Immutable;
using System.Text.Json;
using ReefDB.Node.Configuration;

namespace ReefDB.Node.Membership;

/// <summary>
/// The addresses of the members, by node id: Raft membership knows only ids, the node needs addresses to send
/// Raft traffic, forward writes and redirect clients. Seeded from the configured peers at bootstrap, updated when a
/// member is added (its address travels in the membership change), and kept in <c>members.json</c> in the data
/// directory so that a restart knows the addresses of members added later.
/// </summary>
/// <remarks>Thread-safe: readers see an immutable map swapped atomically.</remarks>
internal sealed class MemberDirectory
{
    public const string FileName = "members.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly string? path;
    private readonly Lock writeLock = new();
    private ImmutableSortedDictionary<ulong, MemberAddress> members;

    public MemberDirectory(IEnumerable<MemberAddress> initial, string? path = null)
    {
        this.path = path;
        members = ImmutableSortedDictionary.CreateRange(initial.Select(m => KeyValuePair.Create(m.NodeId, m)));
    }

    /// <summary>Changed when an address is added, updated or removed.</summary>
    public event Action<MemberAddress>? Changed;

    /// <summary>Loads <c>members.json</c> from <paramref name="directory"/> when present, filling gaps from the configured peers.</summary>
    public static MemberDirectory Open(string directory, IEnumerable<PeerOptions> configured)
    {
        var path = Path.Combine(directory, FileName);
        var addresses = configured.Select(p => new MemberAddress(p.NodeId, p.Addr, p.HttpAddr)).ToDictionary(m => m.NodeId);
        if (File.Exists(path))
        {
            foreach (var stored in JsonSerializer.Deserialize<List<MemberAddress>>(File.ReadAllText(path), Json) ?? [])
            {
                addresses[stored.NodeId] = stored;
            }
        }

        var directoryMap = new MemberDirectory(addresses.Values, path);
        directoryMap.Save();
        return directoryMap;
    }

    public IReadOnlyCollection<MemberAddress> All => members.Values.ToList();

    public MemberAddress? Get(ulong nodeId) => members.GetValueOrDefault(nodeId);

    public string? RpcAddress(ulong nodeId) => Get(nodeId)?.RpcAddr;

    public string? HttpAddress(ulong nodeId) => Get(nodeId)?.HttpAddr;

    public void Set(MemberAddress address)
    {
        lock (writeLock)
        {
            if (members.TryGetValue(address.NodeId, out var known) && known == address)
            {
                return;
            }

            members = members.SetItem(address.NodeId, address);
            Save();
        }

        Changed?.Invoke(address);
    }

    private void Save()
    {
        if (path is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(members.Values.ToList(), Json));
        File.Move(temporary, path, overwrite: true);
    }
}
