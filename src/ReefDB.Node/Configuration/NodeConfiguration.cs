using Microsoft.Extensions.Configuration;

namespace ReefDB.Node.Configuration;

/// <summary>
/// Loads a node's configuration the way .NET applications layer theirs: the YAML file, then
/// <c>REEFDB_*</c> environment variables, then command-line flags, each overriding the one before
/// (Microsoft.Extensions.Configuration does the layering). A list (<c>peers</c>) is replaced as a whole by
/// the highest layer that sets it, never merged entry by entry.
/// </summary>
public static partial class NodeConfiguration
{
    /// <summary>The flags <c>reefdb serve</c> accepts, one per field, plus <c>--peers</c> in the compact form.</summary>
    public static IReadOnlyList<ConfigFlag> Flags { get; } =
    [
        .. ConfigFields.Scalars.Select(f => new ConfigFlag(f.Flag, f.Key, $"{f.Description} ({f.Expected}; default {f.Default})")),
        new("--peers", ConfigFields.Peers, "initial members as ID=HOST:PORT[/HTTP_HOST:PORT],... (default: this node alone)"),
    ];

    /// <summary>Loads and validates the configuration.</summary>
    /// <param name="configPath">The YAML file, or null for none (embedded defaults).</param>
    /// <param name="environment">Environment variables (only <c>REEFDB_*</c> are read).</param>
    /// <param name="flags">Flag values keyed by configuration key (see <see cref="Flags"/>).</param>
    /// <exception cref="NodeConfigurationException">Some field is wrong or unknown; every problem is listed.</exception>
    public static LoadedConfiguration Load(
        string? configPath,
        IEnumerable<KeyValuePair<string, string?>> environment,
        IEnumerable<KeyValuePair<string, string?>> flags)
    {
        var layers = new List<LayerProvider>();
        var problems = new List<string>();
        if (configPath is not null)
        {
            string text;
            try
            {
                text = File.ReadAllText(configPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new NodeConfigurationException([$"{configPath}: cannot read the configuration file: {e.Message}"]);
            }

            layers.Add(new YamlLayer(configPath, text));
        }

        layers.Add(new EnvironmentLayer(environment));
        layers.Add(new FlagLayer(flags));

        var builder = new ConfigurationBuilder();
        foreach (var layer in layers)
        {
            builder.Add(layer);
            problems.AddRange(layer.Errors);
        }

        var root = builder.Build();
        problems.AddRange(UnknownKeys(layers));
        var options = BindScalars(root, layers, problems);
        options = options with
        {
            Peers = BindPeers(layers, problems),
            Tls = new TlsOptions(
                Text(root, "tls:cert_file"),
                Text(root, "tls:key_file"),
                Text(root, "tls:ca_file")),
        };
        if (string.IsNullOrEmpty(Text(root, "raft_dir")))
        {
            options = options with { RaftDir = Path.Combine(options.DataDir, "raft") };
        }

        problems.AddRange(CrossFieldProblems(options));
        if (problems.Count > 0)
        {
            throw new NodeConfigurationException(problems);
        }

        return new LoadedConfiguration(options, [.. layers.SelectMany(l => l.Warnings)]);
    }

    /// <summary>Loads with this process's environment variables.</summary>
    /// <exception cref="NodeConfigurationException">Some field is wrong or unknown.</exception>
    public static LoadedConfiguration Load(string? configPath, IEnumerable<KeyValuePair<string, string?>> flags) =>
        Load(configPath, ProcessEnvironment(), flags);

    private static IEnumerable<KeyValuePair<string, string?>> ProcessEnvironment()
    {
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            yield return new((string)entry.Key, entry.Value as string);
        }
    }

    private static string? Text(IConfiguration root, string key) => root[key] is { Length: > 0 } value ? value : null;

    private static NodeOptions BindScalars(IConfigurationRoot root, List<LayerProvider> layers, List<string> problems)
    {
        var options = new NodeOptions();
        foreach (var field in ConfigFields.Scalars)
        {
            if (Text(root, field.Key) is not { } value)
            {
                continue;
            }

            try
            {
                options = field.Apply(options, value);
            }
            catch (FormatException)
            {
                problems.Add($"{OriginOf(layers, field.Key)}: {field.Key}: expected {field.Expected}, got '{value}'");
            }
        }

        return options;
    }

    private static IEnumerable<string> CrossFieldProblems(NodeOptions options)
    {
        if (options.HeartbeatTick >= options.ElectionTick)
        {
            yield return $"heartbeat_tick: expected fewer ticks than election_tick ({options.ElectionTick}), got {options.HeartbeatTick}";
        }

        if (string.Equals(options.RpcAddr, options.HttpAddr, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"http_addr: expected an address other than rpc_addr, got the same ({options.HttpAddr})";
        }

        if (options.Peers.Count > 0 && options.Join is null && options.Peers.All(p => p.NodeId != options.NodeId))
        {
            yield return $"peers: expected an entry for this node (node_id {options.NodeId}), found only {string.Join(", ", options.Peers.Select(p => p.NodeId))}";
        }

        if (options.Tls.IsConfigured)
        {
            yield return "tls: TLS is not supported by this version yet; remove the tls paths (the node will not run in clear text while they are set)";
        }
    }

    /// <summary>The origin of <paramref name="key"/> in the highest layer that sets it.</summary>
    private static string OriginOf(List<LayerProvider> layers, string key)
    {
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            if (layers[i].TryGet(key, out _))
            {
                return layers[i].Origin(key);
            }
        }

        return key;
    }
}
