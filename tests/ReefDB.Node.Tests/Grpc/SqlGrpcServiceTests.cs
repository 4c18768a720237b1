using Grpc.Net.Client;
using ReefDB.Node.Grpc.Wire;
using ReefDB.Node.Tests.Support;
using SqlService = ReefDB.Node.Grpc.Wire.Sql;

namespace ReefDB.Node.Tests.Grpc;

/// <summary>
/// <c>reefdb.sql.Sql/Execute</c> offers what <c>POST /v1/sql</c> does (issue 5): results with the raft index, SQL
/// errors with their SQLSTATE and statement, exactly-once retries by <c>client_id</c>/<c>seq</c>, reads that never
/// enter the log, and the retryable gateway codes.
/// </summary>
public sealed class SqlGrpcServiceTests
{
    [Fact]
    public async Task Writes_reads_errors_and_retries_answer_as_over_http()
    {
        await using var node = await TestNode.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://{node.Options.RpcAddr}");
        var client = new SqlService.SqlClient(channel);

        var created = await ExecuteAsync(client, "CREATE TABLE t (id integer PRIMARY KEY, v text)");
        var write = new ExecuteRequest { Statements = { new SqlStatement { Sql = "INSERT INTO t VALUES (1, 'one')" } }, ClientId = "grpc-app", Seq = 1 };
        var first = await client.ExecuteAsync(write, cancellationToken: TestContext.Current.CancellationToken);
        var retry = await client.ExecuteAsync(write, cancellationToken: TestContext.Current.CancellationToken);
        var proposals = node.Replica.Proposals;
        var read = await ExecuteAsync(client, "SELECT id, v FROM t", Consistency.Stale);
        var error = await ExecuteAsync(client, "SELEC 1");

        Assert.Null(created.Error);
        Assert.Null(first.Error);
        Assert.Equal(1, first.Results[0].RowsAffected);
        Assert.Equal(first.RaftIndex, retry.RaftIndex);
        Assert.Equal(proposals, node.Replica.Proposals);
        Assert.Null(read.Error);
        Assert.Equal(["id", "v"], read.Results[0].Columns.Select(c => c.Name));
        // The retry was answered with the first outcome: one row, not a duplicate-key error.
        Assert.Null(retry.Error);
        Assert.Single(read.Results[0].Rows);
        Assert.True(read.RaftIndex >= first.RaftIndex);
        Assert.Equal(1UL, read.NodeId);
        Assert.Equal(("42601", true, 0), (error.Error.Code, error.Error.SqlError, error.Error.Statement));
    }

    [Fact]
    public async Task Without_a_leader_a_write_is_a_retryable_no_leader_error()
    {
        await using var node = await TestNode.StartAsync(new FakeReplica { LeaderId = 0 });
        using var channel = GrpcChannel.ForAddress($"http://{node.Options.RpcAddr}");

        var answer = await ExecuteAsync(new SqlService.SqlClient(channel), "CREATE TABLE t (id integer)");

        Assert.Equal(("no_leader", true, false), (answer.Error.Code, answer.Error.Retryable, answer.Error.SqlError));
    }

    private static async Task<ExecuteResponse> ExecuteAsync(SqlService.SqlClient client, string sql, Consistency consistency = Consistency.Default) =>
        await client.ExecuteAsync(
            new ExecuteRequest { Statements = { new SqlStatement { Sql = sql } }, Consistency = consistency },
            cancellationToken: TestContext.Current.CancellationToken);
}
