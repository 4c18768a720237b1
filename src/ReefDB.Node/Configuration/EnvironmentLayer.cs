namespace ReefDB.Node.Configuration;

/// <summary>
/// <c>REEFDB_*</c> environment variables: each scalar field by its documented name (and aliases such as
/// <c>REEFDB_DATA</c>), and <c>REEFDB_PEERS</c> in the compact form <c>1=host:port,2=host:port</c>.
/// </summary>
/// <remarks>An unknown <c>REEFDB_</c> variable is a warning, not an error: test tools share the prefix
/// (e.g. <c>REEFDB_SIM_SEEDS</c>) and a node must not refuse to start because of them.</remarks>
internal sealed class EnvironmentLayer : LayerProvider
{
    public const string Prefix = "REEFDB_";
    public const string PeersVariable = "REEFDB_PEERS";
    public const string TlsPrefix = "REEFDB_TLS_";

    private readonly Dictionary<string, string> origins = new(StringComparer.OrdinalIgnoreCase);

    public EnvironmentLayer(IEnumerable<KeyValuePair<string, string?>> environment)
    {
        foreach (var (name, value) in environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || value is null)
            {
                continue;
            }

            if (Resolve(name) is { } key)
            {
                Data[key] = value;
                origins[key] = $"environment variable {name}";
            }
            else
            {
                Warnings.Add($"environment variable {name} is not a ReefDB node setting; ignored (see docs/CONFIG.md)");
            }
        }
    }

    public override string Origin(string key) => origins.GetValueOrDefault(key, "the environment");

    private static string? Resolve(string name)
    {
        if (string.Equals(name, PeersVariable, StringComparison.Ordinal))
        {
            return ConfigFields.Peers;
        }

        if (name.StartsWith(TlsPrefix, StringComparison.Ordinal))
        {
            var tlsKey = name[TlsPrefix.Length..].ToLowerInvariant();
            return ConfigFields.TlsKeys.Contains(tlsKey, StringComparer.Ordinal) ? $"{ConfigFields.Tls}:{tlsKey}" : null;
        }

        return ConfigFields.Scalars.FirstOrDefault(f => f.EnvNames.Contains(name, StringComparer.Ordinal))?.Key;
    }
}
