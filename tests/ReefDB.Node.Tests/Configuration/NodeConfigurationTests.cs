using ReefDB.Node.Configuration;

namespace ReefDB.Node.Tests.Configuration;

public sealed class NodeConfigurationTests : IDisposable
{
    private static readonly Dictionary<string, string?> None = [];
    private readonly string directory = Directory.CreateTempSubdirectory("reefdb-node-config-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Yaml(string text)
    {
        var path = Path.Combine(directory, "node.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static NodeConfigurationException Invalid(Action load) => Assert.Throws<NodeConfigurationException>(load);

    [Fact]
    public void No_file_no_environment_no_flags_gives_the_documented_single_node_defaults()
    {
        var options = NodeConfiguration.Load(null, None, None).Options;

        Assert.Equal(1UL, options.NodeId);
        Assert.Equal("./data", options.DataDir);
        Assert.Equal(Path.Combine("./data", "raft"), options.RaftDir);
        Assert.Equal("127.0.0.1:8080", options.HttpAddr);
        Assert.Equal("127.0.0.1:50051", options.RpcAddr);
        Assert.Empty(options.Peers);
        Assert.Equal([new PeerOptions(1, "127.0.0.1:50051", "127.0.0.1:8080")], options.InitialMembers);
        Assert.Equal(ReadConsistency.Linearizable, options.ReadConsistency);
        Assert.Equal(FsyncMode.Always, options.Fsync);
    }

    [Fact]
    public void Yaml_sets_every_kind_of_field()
    {
        var path = Yaml("""
            node_id: 2
            data_dir: /var/lib/reefdb
            rpc_addr: 10.0.0.2:50051
            http_addr: 0.0.0.0:8080
            peers:
              - { node_id: 1, addr: "10.0.0.1:50051" }
              - node_id: 2
                addr: 10.0.0.2:50051
                http_addr: 10.0.0.2:8080
            raft_tick_ms: 50
            election_tick: 20
            heartbeat_tick: 2
            fsync: none
            read_consistency: lease
            log_format: json
            """);

        var options = NodeConfiguration.Load(path, None, None).Options;

        Assert.Equal(2UL, options.NodeId);
        Assert.Equal("/var/lib/reefdb", options.DataDir);
        Assert.Equal(Path.Combine("/var/lib/reefdb", "raft"), options.RaftDir);
        Assert.Equal([new PeerOptions(1, "10.0.0.1:50051"), new PeerOptions(2, "10.0.0.2:50051", "10.0.0.2:8080")], options.Peers);
        Assert.Equal(50, options.RaftTickMs);
        Assert.Equal(20, options.ElectionTick);
        Assert.Equal(2, options.HeartbeatTick);
        Assert.Equal(FsyncMode.None, options.Fsync);
        Assert.Equal(ReadConsistency.Lease, options.ReadConsistency);
        Assert.Equal(LogFormat.Json, options.LogFormat);
    }

    [Fact]
    public void Environment_overrides_yaml_and_flags_override_the_environment()
    {
        var path = Yaml("node_id: 1\nhttp_addr: 127.0.0.1:9000\nrpc_addr: 127.0.0.1:9001\n");
        var environment = new Dictionary<string, string?>
        {
            ["REEFDB_NODE_ID"] = "2",
            ["REEFDB_HTTP_ADDR"] = "127.0.0.1:9100",
            ["REEFDB_DATA"] = "/tmp/from-env",
            ["PATH"] = "/usr/bin",
        };
        var flags = new Dictionary<string, string?> { ["node_id"] = "3" };

        var options = NodeConfiguration.Load(path, environment, flags).Options;

        Assert.Equal(3UL, options.NodeId);
        Assert.Equal("127.0.0.1:9100", options.HttpAddr);
        Assert.Equal("127.0.0.1:9001", options.RpcAddr);
        Assert.Equal("/tmp/from-env", options.DataDir);
    }

    [Fact]
    public void A_higher_layer_replaces_the_peer_list_as_a_whole()
    {
        var path = Yaml("""
            node_id: 1
            peers:
              - { node_id: 1, addr: "127.0.0.1:1001" }
              - { node_id: 2, addr: "127.0.0.1:1002" }
              - { node_id: 3, addr: "127.0.0.1:1003" }
            """);
        var environment = new Dictionary<string, string?> { ["REEFDB_PEERS"] = "1=127.0.0.1:2001/127.0.0.1:3001, 2=127.0.0.1:2002" };

        var options = NodeConfiguration.Load(path, environment, None).Options;

        Assert.Equal([new PeerOptions(1, "127.0.0.1:2001", "127.0.0.1:3001"), new PeerOptions(2, "127.0.0.1:2002")], options.Peers);
    }

    [Fact]
    public void Flags_set_peers_and_raft_dir()
    {
        var flags = new Dictionary<string, string?> { ["peers"] = "1=a:1,2=b:2", ["raft_dir"] = "/r" };

        var options = NodeConfiguration.Load(null, None, flags).Options;

        Assert.Equal(2, options.Peers.Count);
        Assert.Equal("/r", options.RaftDir);
    }

    [Fact]
    public void Unknown_reefdb_variables_are_warnings_that_name_them()
    {
        var environment = new Dictionary<string, string?> { ["REEFDB_NODEID"] = "2" };

        var loaded = NodeConfiguration.Load(null, environment, None);

        Assert.Equal(1UL, loaded.Options.NodeId);
        Assert.Contains(loaded.Warnings, w => w.Contains("REEFDB_NODEID", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_wrong_field_is_named_with_its_line_and_what_was_expected()
    {
        var path = Yaml("""
            node_id: zero
            raft_tick_ms: -5
            fsync: sometimes
            rpc_addr: localhost
            """);

        var problems = Invalid(() => NodeConfiguration.Load(path, None, None)).Problems;

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("node.yaml:1:10", StringComparison.Ordinal) && p.Contains("node_id: expected an integer ≥ 1, got 'zero'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("raft_tick_ms: expected an integer of milliseconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("fsync: expected always or none, got 'sometimes'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("rpc_addr: expected host:port, got 'localhost'", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_fields_are_named_with_a_suggestion()
    {
        var path = Yaml("node_id: 1\nraft_tick: 100\nbanana: 1\npeers:\n  - { node_id: 1, adr: \"a:1\" }\ntls:\n  cert: x\n");

        var problems = Invalid(() => NodeConfiguration.Load(path, None, None)).Problems;

        Assert.Contains(problems, p => p.Contains("unknown field 'raft_tick'; did you mean 'raft_tick_ms'?", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown field 'banana'; expected one of: node_id,", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown field 'peers[0].adr'; did you mean 'addr'?", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("peers[0].addr: expected host:port (the member's rpc_addr), but it is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown field 'tls.cert'; did you mean 'cert_file'?", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_syntax_error_gives_its_position()
    {
        var path = Yaml("node_id: 1\npeers: [1, 2\n");

        var problems = Invalid(() => NodeConfiguration.Load(path, None, None)).Problems;

        Assert.Contains(problems, p => p.Contains("node.yaml:", StringComparison.Ordinal) && p.Contains("invalid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var problems = Invalid(() => NodeConfiguration.Load(Path.Combine(directory, "absent.yaml"), None, None)).Problems;

        Assert.Contains("cannot read the configuration file", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_environment_variable_is_named()
    {
        var environment = new Dictionary<string, string?> { ["REEFDB_ELECTION_TICK"] = "ten" };

        var problem = Assert.Single(Invalid(() => NodeConfiguration.Load(null, environment, None)).Problems);

        Assert.StartsWith("environment variable REEFDB_ELECTION_TICK: election_tick: expected an integer from 2 to 1000, got 'ten'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_flag_is_named()
    {
        var flags = new Dictionary<string, string?> { ["max_request_bytes"] = "12" };

        var problem = Assert.Single(Invalid(() => NodeConfiguration.Load(null, None, flags)).Problems);

        Assert.StartsWith("flag --max-request-bytes: max_request_bytes: expected an integer of bytes from 1024", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_compact_peers_are_named()
    {
        var environment = new Dictionary<string, string?> { ["REEFDB_PEERS"] = "1=a:1,two=b:2,3" };

        var problems = Invalid(() => NodeConfiguration.Load(null, environment, None)).Problems;

        Assert.Contains(problems, p => p.Contains("got 'two=b:2'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("got '3'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("heartbeat_tick: 10\nelection_tick: 10\n", "heartbeat_tick: expected fewer ticks than election_tick (10), got 10")]
    [InlineData("http_addr: 127.0.0.1:9\nrpc_addr: 127.0.0.1:9\n", "http_addr: expected an address other than rpc_addr")]
    [InlineData("node_id: 4\npeers:\n  - { node_id: 1, addr: \"a:1\" }\n", "peers: expected an entry for this node (node_id 4), found only 1")]
    [InlineData("peers:\n  - { node_id: 1, addr: \"a:1\" }\n  - { node_id: 1, addr: \"b:1\" }\n", "node_id 1 is listed 2 times")]
    [InlineData("peers:\n  - { node_id: 1, addr: \"a:1\" }\n  - { node_id: 2, addr: \"a:1\" }\n", "addr a:1 is listed 2 times")]
    [InlineData("tls:\n  cert_file: /etc/reefdb/node.pem\n", "tls: TLS is not supported by this version yet")]
    [InlineData("raft_tick_ms: [1, 2]\n", "raft_tick_ms: expected an integer of milliseconds from 1 to 60000, got a list or mapping")]
    [InlineData("peers:\n  node_id: 1\n", "peers: expected a list of {node_id, addr, http_addr}, got a mapping")]
    [InlineData("- 1\n- 2\n", "expected a mapping of fields")]
    [InlineData("log_level: none\n", "log_level: expected trace, debug, information, warning, error or critical, got 'none'")]
    [InlineData("read_consistency: strong\n", "read_consistency: expected linearizable, lease or stale, got 'strong'")]
    [InlineData("node_id: 1\nnode_id: 2\n", "Duplicate key")]
    public void Invalid_settings_are_explained(string yaml, string expected)
    {
        var path = Yaml(yaml);

        var problems = Invalid(() => NodeConfiguration.Load(path, None, None)).Problems;

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_values_keep_the_default()
    {
        var path = Yaml("join:\nraft_dir: ~\n");

        var options = NodeConfiguration.Load(path, None, None).Options;

        Assert.Null(options.Join);
        Assert.Equal(Path.Combine("./data", "raft"), options.RaftDir);
    }

    [Fact]
    public void Every_field_has_a_flag_and_an_environment_variable()
    {
        foreach (var field in ConfigFields.Scalars)
        {
            Assert.Contains(NodeConfiguration.Flags, f => f.Key == field.Key && f.Name == "--" + field.Key.Replace('_', '-'));
            Assert.NotEmpty(field.EnvNames);
        }
    }
}
