using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReefDB.Cli.Output;
using ReefDB.Cli.Sessions;
using ReefDB.Node.Admin;

namespace ReefDB.Cli;

/// <summary>
/// <c>reefdb admin --addr HOST:PORT [--format table|json] [--timeout SECONDS] members|add ID ADDR [--http-addr
/// HOST:PORT]|remove ID|transfer ID|snapshot</c>: cluster administration through a node's <c>reefdb.admin.Admin</c>
/// gRPC service (any member: followers forward to the leader). Exit codes: 0 done; 1 the cluster refused (the
/// error's code and message on standard error) or bad arguments; 3 the node could not be reached or did not answer
/// in time (the outcome of a change is then unknown).
/// </summary>
internal static class AdminSubcommand
{
    public const int Refused = 1;
    public const int Unreachable = 3;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliEnvironment environment)
    {
        var addr = new Option<string>("--addr")
        {
            Description = "gRPC address (rpc_addr) of any member of the cluster.",
            HelpName = "HOST:PORT",
            Required = true,
            Recursive = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "table (for people) or json (for scripts).",
            DefaultValueFactory = _ => "table",
            Recursive = true,
        };
        format.AcceptOnlyFromAmong("table", "json");
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the answer (a leader transfer waits for the new leader).",
            DefaultValueFactory = _ => 30,
            CustomParser = result => Parse<double>(result, "--timeout: expected seconds greater than 0 and at most 3600", text =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600 ? seconds : (double?)null),
            HelpName = "SECONDS",
            Recursive = true,
        };
        var command = new Command("admin", "Administer a ReefDB cluster: members, adding and removing nodes, leadership, snapshots.")
        {
            addr, format, timeout,
        };
        Func<ParseResult, CancellationToken, Task<int>> Bind(Func<AdminClient, ParseResult, Task<object>> call) => (parse, cancel) => RunAsync(
            environment, parse.GetValue(addr)!, parse.GetValue(format) == "json", TimeSpan.FromSeconds(parse.GetValue(timeout)), client => call(client, parse), cancel);

        var members = new Command("members", "List the members as the node knows them (match indexes when it leads).");
        members.SetAction(Bind(async (client, _) => await client.ListMembersAsync().ConfigureAwait(false)));
        command.Subcommands.Add(members);

        var addId = NodeIdArgument("Id of the node to add.");
        var addAddress = new Argument<string>("ADDR") { Description = "The new node's gRPC address (its rpc_addr), host:port." };
        var httpAddress = new Option<string?>("--http-addr") { Description = "The new node's HTTP address (its http_addr).", HelpName = "HOST:PORT" };
        var add = new Command("add", "Add a node as a learner; the leader promotes it to voter once it has caught up.") { addId, addAddress, httpAddress };
        add.SetAction(Bind(async (client, parse) =>
            await client.AddMemberAsync(parse.GetValue(addId), parse.GetValue(addAddress)!, parse.GetValue(httpAddress)).ConfigureAwait(false)));
        command.Subcommands.Add(add);

        var removeId = NodeIdArgument("Id of the member to remove.");
        var remove = new Command("remove", "Remove a member (voter or learner).") { removeId };
        remove.SetAction(Bind(async (client, parse) => await client.RemoveMemberAsync(parse.GetValue(removeId)).ConfigureAwait(false)));
        command.Subcommands.Add(remove);

        var transferId = NodeIdArgument("Id of the voter to lead.");
        var transfer = new Command("transfer", "Hand leadership to a voter; completes once it leads.") { transferId };
        transfer.SetAction(Bind(async (client, parse) => await client.TransferLeaderAsync(parse.GetValue(transferId)).ConfigureAwait(false)));
        command.Subcommands.Add(transfer);

        var snapshot = new Command("snapshot", "Snapshot the node's applied state and compact its log.");
        snapshot.SetAction(Bind(async (client, _) => await client.SnapshotAsync().ConfigureAwait(false)));
        command.Subcommands.Add(snapshot);
        return command;
    }

    internal static async Task<int> RunAsync(
        CliEnvironment environment, string address, bool json, TimeSpan timeout, Func<AdminClient, Task<object>> call, CancellationToken cancellationToken)
    {
        object answer;
        try
        {
            using var client = new AdminClient(address, timeout);
            answer = await call(client).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AdminException e)
        {
            var leader = e.LeaderId == 0 ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $" (leader: node {e.LeaderId}{(e.LeaderAddr is { } a ? " at " + a : string.Empty)})");
            await environment.Error.WriteLineAsync($"error: {e.Code}: {e.Message}{leader}").ConfigureAwait(false);
            return e.Code is "unavailable" or "outcome_unknown" && e.InnerException is not null ? Unreachable : Refused;
        }

        if (json)
        {
            WriteJson(environment.Output, answer);
        }
        else
        {
            WriteTable(environment.Output, answer);
        }

        await environment.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static Argument<ulong> NodeIdArgument(string description) => new("ID")
    {
        Description = description,
        CustomParser = result => Parse<ulong>(result, "ID: expected a node id ≥ 1", text =>
            ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : (ulong?)null),
    };

    /// <summary>Parses the argument's one token, or records <paramref name="error"/> (System.CommandLine then exits 1).</summary>
    private static T Parse<T>(System.CommandLine.Parsing.ArgumentResult result, string error, Func<string, T?> parse)
        where T : struct
    {
        if (result.Tokens.Count == 1 && parse(result.Tokens[0].Value) is { } value)
        {
            return value;
        }

        result.AddError(error);
        return default;
    }

    private static void WriteTable(TextWriter output, object answer)
    {
        switch (answer)
        {
            case AdminMembers list:
                output.Write(string.Create(CultureInfo.InvariantCulture,
                    $"node {list.NodeId} answered: leader {(list.LeaderId == 0 ? "unknown" : list.LeaderId)}, term {list.Term}, commit index {list.CommitIndex}\n"));
                var rows = list.Members.Select(m => new object?[]
                {
                    (long)m.NodeId, m.NodeId == list.LeaderId ? "leader" : m.Role, m.Addr, m.HttpAddr, m.MatchIndex is { } match ? (long)match : null,
                }).ToList();
                new TableResultWriter(output).Write(StatementOutcome.Query(
                    string.Create(CultureInfo.InvariantCulture, $"SELECT {rows.Count}"), ["node_id", "role", "addr", "http_addr", "match_index"], rows));
                break;
            case AdminResult result:
                output.Write(result.Result);
                output.Write(string.Create(CultureInfo.InvariantCulture, $" (node {result.NodeId})\n"));
                break;
        }
    }

    private static void WriteJson(TextWriter output, object answer)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            switch (answer)
            {
                case AdminMembers list:
                    json.WriteNumber("node_id", list.NodeId);
                    json.WriteNumber("leader_id", list.LeaderId);
                    json.WriteNumber("term", list.Term);
                    json.WriteNumber("commit_index", list.CommitIndex);
                    json.WriteStartArray("members");
                    foreach (var member in list.Members)
                    {
                        json.WriteStartObject();
                        json.WriteNumber("node_id", member.NodeId);
                        json.WriteString("role", member.Role);
                        json.WriteString("addr", member.Addr);
                        json.WriteString("http_addr", member.HttpAddr);
                        if (member.MatchIndex is { } match)
                        {
                            json.WriteNumber("match_index", match);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    break;
                case AdminResult result:
                    json.WriteString("result", result.Result);
                    json.WriteNumber("node_id", result.NodeId);
                    if (result.SnapshotIndex != 0)
                    {
                        json.WriteNumber("snapshot_index", result.SnapshotIndex);
                    }

                    break;
            }

            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
    }
}
