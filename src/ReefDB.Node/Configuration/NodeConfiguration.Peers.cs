using System.Globalization;

namespace ReefDB.Node.Configuration;

public static partial class NodeConfiguration
{
    /// <summary>
    /// The peers of the highest layer that sets any: as a YAML list, or as the compact
    /// <c>ID=HOST:PORT[/HTTP_HOST:PORT],...</c> text of <c>REEFDB_PEERS</c> and <c>--peers</c>.
    /// </summary>
    private static IReadOnlyList<PeerOptions> BindPeers(List<LayerProvider> layers, List<string> problems)
    {
        var layer = layers.LastOrDefault(l => l.Keys.Any(IsPeersKey));
        if (layer is null)
        {
            return [];
        }

        var peers = layer.TryGet(ConfigFields.Peers, out var compact)
            ? ParseCompactPeers(compact ?? string.Empty, layer.Origin(ConfigFields.Peers), problems)
            : BindPeerList(layer, problems);
        foreach (var duplicate in peers.GroupBy(p => p.NodeId).Where(g => g.Count() > 1))
        {
            problems.Add($"{layer.Origin(ConfigFields.Peers)}: peers: node_id {duplicate.Key} is listed {duplicate.Count()} times; expected unique ids");
        }

        foreach (var duplicate in peers.GroupBy(p => p.Addr, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{layer.Origin(ConfigFields.Peers)}: peers: addr {duplicate.Key} is listed {duplicate.Count()} times; expected one address per member");
        }

        return peers;
    }

    private static bool IsPeersKey(string key) =>
        string.Equals(key, ConfigFields.Peers, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(ConfigFields.Peers + ":", StringComparison.OrdinalIgnoreCase);

    private static List<PeerOptions> ParseCompactPeers(string text, string origin, List<string> problems)
    {
        var peers = new List<PeerOptions>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var addresses = equals < 0 ? [] : item[(equals + 1)..].Split('/');
            try
            {
                if (equals < 0 || addresses.Length > 2)
                {
                    throw new FormatException();
                }

                peers.Add(new PeerOptions(
                    ConfigFields.ParseULong(item[..equals], min: 1),
                    ConfigFields.ParseAddress(addresses[0]),
                    addresses.Length == 2 ? ConfigFields.ParseAddress(addresses[1]) : null));
            }
            catch (FormatException)
            {
                problems.Add($"{origin}: peers: expected ID=HOST:PORT[/HTTP_HOST:PORT] entries separated by commas, got '{item}'");
            }
        }

        return peers;
    }

    private static List<PeerOptions> BindPeerList(LayerProvider layer, List<string> problems)
    {
        var peers = new List<PeerOptions>();
        var indexes = layer.Keys
            .Select(k => k.Split(':'))
            .Where(p => p.Length == 3 && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(p => int.Parse(p[1], CultureInfo.InvariantCulture))
            .Distinct()
            .Order();
        foreach (var index in indexes)
        {
            string? Field(string name) =>
                layer.TryGet(string.Create(CultureInfo.InvariantCulture, $"{ConfigFields.Peers}:{index}:{name}"), out var v) && v is { Length: > 0 } ? v : null;

            var origin = layer.Origin(string.Create(CultureInfo.InvariantCulture, $"{ConfigFields.Peers}:{index}:node_id"));
            var at = string.Create(CultureInfo.InvariantCulture, $"peers[{index}]");
            ulong? nodeId = null;
            string? addr = null;
            string? httpAddr = null;
            if (Field("node_id") is not { } idText)
            {
                problems.Add($"{origin}: {at}.node_id: expected an integer ≥ 1, but it is missing");
            }
            else if (!TryParse(() => ConfigFields.ParseULong(idText, 1), out nodeId))
            {
                problems.Add($"{origin}: {at}.node_id: expected an integer ≥ 1, got '{idText}'");
            }

            if (Field("addr") is not { } addrText)
            {
                problems.Add($"{origin}: {at}.addr: expected host:port (the member's rpc_addr), but it is missing");
            }
            else if (!TryParse(() => ConfigFields.ParseAddress(addrText), out addr))
            {
                problems.Add($"{origin}: {at}.addr: expected host:port, got '{addrText}'");
            }

            if (Field("http_addr") is { } httpText && !TryParse(() => ConfigFields.ParseAddress(httpText), out httpAddr))
            {
                problems.Add($"{origin}: {at}.http_addr: expected host:port, got '{httpText}'");
            }

            if (nodeId is { } id && addr is not null)
            {
                peers.Add(new PeerOptions(id, addr, httpAddr));
            }
        }

        return peers;
    }

    private static bool TryParse<T>(Func<T> parse, out T? value)
    {
        try
        {
            value = parse();
            return true;
        }
        catch (FormatException)
        {
            value = default;
            return false;
        }
    }
}
