using ReefDB.Node.Gateway;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Http;

public sealed class SqlEndpointTests
{
    [Fact]
    public async Task A_write_then_a_read_answer_with_results_columns_types_rows_and_the_raft_index()
    {
        await using var node = await TestNode.StartAsync();

        var (created, _) = await node.PostSqlAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY, name text, price numeric(10,2))"}""");
        var (inserted, insert) = await node.PostSqlAsync("""{"sql": "INSERT INTO t VALUES ($1, $2, $3), (2, NULL, 2.5)", "params": [1, "one", 9.99]}""");
        var (selected, select) = await node.PostSqlAsync("""{"sql": "SELECT id, name, price FROM t ORDER BY id"}""");

        Assert.Equal(200, created);
        Assert.Equal(200, inserted);
        Assert.Equal(2, insert.GetProperty("results")[0].GetProperty("rows_affected").GetInt64());
        Assert.Equal(2UL, insert.GetProperty("raft_index").GetUInt64());
        Assert.Equal(200, selected);
        var result = select.GetProperty("results")[0];
        Assert.Equal("""["id","name","price"]""", result.GetProperty("columns").GetRawText());
        Assert.Equal("""["integer","text","numeric(10,2)"]""", result.GetProperty("types").GetRawText());
        Assert.Equal("""[[1,"one",9.99],[2,null,2.50]]""", result.GetProperty("rows").GetRawText());
        Assert.Equal(2UL, select.GetProperty("raft_index").GetUInt64());
        Assert.Equal(1UL, select.GetProperty("node_id").GetUInt64());
        Assert.Equal(2, node.Replica.Proposals);
    }

    [Fact]
    public async Task Reads_never_enter_the_log_and_linearizable_reads_ask_for_a_read_index()
    {
        await using var node = await TestNode.StartAsync();
        await node.PostSqlAsync("""{"sql": "CREATE TABLE t (id integer)"}""");

        var (linearizable, _) = await node.PostSqlAsync("""{"sql": "SELECT count(*) FROM t"}""");
        var (stale, staleBody) = await node.PostSqlAsync("""{"sql": "SELECT count(*) FROM t"}""", "?consistency=stale");
        var (lease, _) = await node.PostSqlAsync("""{"sql": "SELECT 1"}""", "?consistency=lease");

        Assert.Equal((200, 200, 200), (linearizable, stale, lease));
        Assert.Equal(1, node.Replica.Proposals);
        Assert.Equal(1, node.Replica.ReadIndexCalls);
        Assert.Equal(1UL, staleBody.GetProperty("raft_index").GetUInt64());
    }

    [Fact]
    public async Task A_transaction_is_all_or_nothing_and_its_error_names_the_statement()
    {
        await using var node = await TestNode.StartAsync();
        await node.PostSqlAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""");

        var (status, body) = await node.PostSqlAsync("""
            {"statements": [{"sql": "INSERT INTO t VALUES (1)"}, {"sql": "INSERT INTO t VALUES ($1)", "params": [1]}], "transaction": true}
            """);
        var (_, count) = await node.PostSqlAsync("""{"sql": "SELECT count(*) FROM t"}""");

        Assert.Equal(400, status);
        var error = body.GetProperty("error");
        Assert.Equal("23505", error.GetProperty("code").GetString());
        Assert.Equal(1, error.GetProperty("statement").GetInt32());
        Assert.Contains("duplicate", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("[[0]]", count.GetProperty("results")[0].GetProperty("rows").GetRawText());
    }

    [Fact]
    public async Task Statements_without_a_transaction_apply_one_by_one_up_to_the_first_error()
    {
        await using var node = await TestNode.StartAsync();
        await node.PostSqlAsync("""{"sql": "CREATE TABLE t (id integer PRIMARY KEY)"}""");

        var (status, body) = await node.PostSqlAsync("""
            {"statements": [{"sql": "INSERT INTO t VALUES (1)"}, {"sql": "INSERT INTO t VALUES (1)"}, {"sql": "INSERT INTO t VALUES (3)"}]}
            """);
        var (_, rows) = await node.PostSqlAsync("""{"sql": "SELECT id FROM t ORDER BY id"}""");

        Assert.Equal(400, status);
        Assert.Equal(1, body.GetProperty("error").GetProperty("statement").GetInt32());
        Assert.Equal("[[1]]", rows.GetProperty("results")[0].GetProperty("rows").GetRawText());
    }

    [Fact]
    public async Task A_syntax_error_is_400_with_its_sqlstate_and_position()
    {
        await using var node = await TestNode.StartAsync();

        var (status, body) = await node.PostSqlAsync("""{"sql": "SELEC 1"}""");

        Assert.Equal(400, status);
        var error = body.GetProperty("error");
        Assert.Equal("42601", error.GetProperty("code").GetString());
        Assert.Equal(0, error.GetProperty("statement").GetInt32());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Equal(0, node.Replica.Proposals);
    }

    [Fact]
    public async Task A_retried_write_with_the_same_client_id_and_seq_applies_once()
    {
        await using var node = await TestNode.StartAsync();
        await node.PostSqlAsync("""{"sql": "CREATE TABLE t (id integer)"}""");
        const string write = """{"sql": "INSERT INTO t VALUES (1)", "client_id": "app-1", "seq": 7}""";

        var (first, firstBody) = await node.PostSqlAsync(write);
        var (retry, retryBody) = await node.PostSqlAsync(write);
        var (_, count) = await node.PostSqlAsync("""{"sql": "SELECT count(*) FROM t"}""");

        Assert.Equal((200, 200), (first, retry));
        Assert.Equal(firstBody.GetProperty("raft_index").GetUInt64(), retryBody.GetProperty("raft_index").GetUInt64());
        Assert.Equal("[[1]]", count.GetProperty("results")[0].GetProperty("rows").GetRawText());
    }

    [Theory]
    [InlineData("{\"sql\": \"SELECT 1\"", 400, "malformed_json")]
    [InlineData("not json", 400, "malformed_json")]
    [InlineData("{\"sql\": \"SELECT 1\", \"parms\": []}", 400, "unknown_field")]
    [InlineData("{\"statements\": [{\"sql\": \"SELECT 1\", \"x\": 1}]}", 400, "unknown_field")]
    [InlineData("[1, 2]", 400, "invalid_request")]
    [InlineData("{}", 400, "invalid_request")]
    [InlineData("{\"sql\": \"SELECT 1\", \"statements\": []}", 400, "invalid_request")]
    [InlineData("{\"sql\": 5}", 400, "invalid_request")]
    [InlineData("{\"sql\": \"SELECT $1\", \"params\": [{\"a\": 1}]}", 400, "invalid_request")]
    [InlineData("{\"sql\": \"SELECT 1\", \"client_id\": \"a\"}", 400, "invalid_request")]
    [InlineData("{\"sql\": \"SELECT 1\", \"client_id\": \"a\", \"seq\": 0}", 400, "invalid_request")]
    [InlineData("{\"sql\": \"SELECT 1\", \"transaction\": \"yes\"}", 400, "invalid_request")]
    [InlineData("{\"statements\": []}", 400, "invalid_request")]
    public async Task Bad_bodies_get_a_stable_code_and_the_node_keeps_serving(string body, int expectedStatus, string expectedCode)
    {
        await using var node = await TestNode.StartAsync();

        var (status, answer) = await node.PostSqlAsync(body);
        var (after, _) = await node.PostSqlAsync("""{"sql": "SELECT 1"}""");

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedCode, answer.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("error").GetProperty("message").GetString()));
        Assert.Equal(200, after);
    }

    [Theory]
    [InlineData("?consistency=strong")]
    [InlineData("?redirect=yes")]
    [InlineData("?foo=1")]
    public async Task Bad_query_parameters_are_refused(string query)
    {
        await using var node = await TestNode.StartAsync();

        var (status, answer) = await node.PostSqlAsync("""{"sql": "SELECT 1"}""", query);

        Assert.Equal(400, status);
        Assert.Equal("invalid_parameter", answer.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_oversized_body_is_413_with_a_code()
    {
        await using var node = await TestNode.StartAsync(configure: o => o with { MaxRequestBytes = 4096 });
        var big = TestNode.Json(new { sql = "SELECT '" + new string('x', 10_000) + "'" });

        var (status, answer) = await node.PostSqlAsync(big);
        var (after, _) = await node.PostSqlAsync("""{"sql": "SELECT 1"}""");

        Assert.Equal(413, status);
        Assert.Equal("body_too_large", answer.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(200, after);
    }

    [Fact]
    public async Task No_leader_is_a_retryable_503_with_retry_after()
    {
        await using var node = await TestNode.StartAsync(new FakeReplica { LeaderId = 0 });
        using var content = new StringContent("""{"sql": "CREATE TABLE t (id integer)"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await node.Http.PostAsync("/v1/sql", content, TestContext.Current.CancellationToken);
        var body = await TestNode.ReadJsonAsync(response);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("1", response.Headers.RetryAfter?.ToString());
        Assert.Equal("no_leader", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_overloaded_node_answers_a_retryable_503()
    {
        var replica = new FakeReplica { ProposeFailure = new GatewayException(GatewayErrorCode.Overloaded, "1024 proposals pending", retryable: true) };
        await using var node = await TestNode.StartAsync(replica);

        using var content = new StringContent("""{"sql": "CREATE TABLE t (id integer)"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await node.Http.PostAsync("/v1/sql", content, TestContext.Current.CancellationToken);
        var body = await TestNode.ReadJsonAsync(response);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("1", response.Headers.RetryAfter?.ToString());
        Assert.Equal("overloaded", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_write_that_outlives_the_request_timeout_reports_an_unknown_outcome()
    {
        var never = new TaskCompletionSource();
        await using var node = await TestNode.StartAsync(new FakeReplica { ProposeGate = never.Task }, o => o with { RequestTimeoutMs = 200 });

        var (status, body) = await node.PostSqlAsync("""{"sql": "CREATE TABLE t (id integer)"}""");

        Assert.Equal(504, status);
        Assert.Equal("outcome_unknown", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("client_id and seq", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_that_outlives_the_request_timeout_is_cancelled_with_57014_and_the_node_serves_on()
    {
        await using var node = await TestNode.StartAsync(configure: o => o with { RequestTimeoutMs = 200 });

        // 10^10 join candidates: minutes of work, stopped at the request timeout.
        var (status, body) = await node.PostSqlAsync(
            """{"sql": "SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b"}""", "?consistency=stale");

        Assert.Equal(400, status);
        Assert.Equal("57014", body.GetProperty("error").GetProperty("code").GetString());
        var (next, answer) = await node.PostSqlAsync("""{"sql": "SELECT 1"}""", "?consistency=stale");
        Assert.Equal(200, next);
        Assert.Equal(1, answer.GetProperty("results")[0].GetProperty("rows")[0][0].GetInt32());
    }

    [Fact]
    public async Task A_read_whose_result_passes_max_result_bytes_is_refused_with_54000()
    {
        await using var node = await TestNode.StartAsync(configure: o => o with { MaxResultBytes = 65_536 });

        var (status, body) = await node.PostSqlAsync("""{"sql": "SELECT x FROM generate_series(1, 100000) x"}""", "?consistency=stale");
        var (small, answer) = await node.PostSqlAsync("""{"sql": "SELECT x FROM generate_series(1, 1000) x"}""", "?consistency=stale");

        Assert.Equal(400, status);
        Assert.Equal("54000", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("fetch it in parts", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, small);
        Assert.Equal(1000, answer.GetProperty("results")[0].GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task A_follower_asked_for_a_redirect_answers_307_to_the_leaders_http_address()
    {
        var members = new[] { new Membership.MemberAddress(1, "127.0.0.1:1", "127.0.0.1:18081"), new Membership.MemberAddress(2, "127.0.0.1:2", "127.0.0.1:18082") };
        await using var node = await TestNode.StartAsync(new FakeReplica(2) { LeaderId = 1 }, members: members);
        using var content = new StringContent("""{"sql": "CREATE TABLE t (id integer)"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await node.Http.PostAsync("/v1/sql?redirect=true", content, TestContext.Current.CancellationToken);

        Assert.Equal(307, (int)response.StatusCode);
        Assert.Equal("http://127.0.0.1:18081/v1/sql?redirect=true", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Unknown_paths_get_a_json_404()
    {
        await using var node = await TestNode.StartAsync();

        var (status, body) = await node.GetAsync("/v2/nothing");

        Assert.Equal(404, status);
        Assert.Equal("not_found", body.GetProperty("error").GetProperty("code").GetString());
    }
}
