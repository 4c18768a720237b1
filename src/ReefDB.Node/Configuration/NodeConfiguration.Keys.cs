using System.Globalization;

namespace ReefDB.Node.Configuration;

public static partial class NodeConfiguration
{
    /// <summary>Every key no field accepts, with where it was written and, for a likely typo, the field meant.</summary>
    private static IEnumerable<string> UnknownKeys(List<LayerProvider> layers)
    {
        foreach (var layer in layers)
        {
            foreach (var key in layer.Keys.Order(StringComparer.Ordinal))
            {
                if (CheckKey(key) is { } problem)
                {
                    yield return $"{layer.Origin(key)}: {problem}";
                }
            }
        }
    }

    private static string? CheckKey(string key)
    {
        var parts = key.Split(':');
        var top = parts[0];
        if (!ConfigFields.IsKnownTopLevel(top))
        {
            return $"unknown field '{top}'{Suggestion(top, ConfigFields.Scalars.Select(f => f.Key).Append(ConfigFields.Peers).Append(ConfigFields.Tls))}";
        }

        if (ConfigFields.Find(top) is { } field)
        {
            return parts.Length == 1 ? null : $"{field.Key}: expected {field.Expected}, got a list or mapping";
        }

        if (string.Equals(top, ConfigFields.Tls, StringComparison.OrdinalIgnoreCase))
        {
            if (parts.Length != 2)
            {
                return parts.Length == 1 ? "tls: expected a mapping with cert_file, key_file, ca_file" : $"tls.{parts[1]}: expected a file path";
            }

            return ConfigFields.TlsKeys.Contains(parts[1], StringComparer.OrdinalIgnoreCase)
                ? null
                : $"unknown field 'tls.{parts[1]}'{Suggestion(parts[1], ConfigFields.TlsKeys)}";
        }

        // peers: a compact string, or a list of mappings with node_id, addr and http_addr.
        if (parts.Length == 1)
        {
            return null;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return "peers: expected a list of {node_id, addr, http_addr}, got a mapping";
        }

        if (parts.Length == 2)
        {
            return $"peers[{parts[1]}]: expected a mapping with node_id and addr, got a single value";
        }

        if (parts.Length > 3)
        {
            return $"peers[{parts[1]}].{parts[2]}: expected a single value, got a list or mapping";
        }

        return ConfigFields.PeerKeys.Contains(parts[2], StringComparer.OrdinalIgnoreCase)
            ? null
            : $"unknown field 'peers[{parts[1]}].{parts[2]}'{Suggestion(parts[2], ConfigFields.PeerKeys)}";
    }

    private static string Suggestion(string typed, IEnumerable<string> known)
    {
        // A key that extends what was typed (raft_tick → raft_tick_ms) beats a closer but unrelated one.
        var lower = typed.ToLowerInvariant();
        var best = known.FirstOrDefault(k => k.StartsWith(lower, StringComparison.Ordinal))
            ?? known.MinBy(k => EditDistance(lower, k));
        if (best is not null && best.StartsWith(lower, StringComparison.Ordinal))
        {
            return $"; did you mean '{best}'?";
        }

        return best is not null && EditDistance(typed.ToLowerInvariant(), best) <= Math.Max(2, typed.Length / 3)
            ? $"; did you mean '{best}'?"
            : $"; expected one of: {string.Join(", ", known)}";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
