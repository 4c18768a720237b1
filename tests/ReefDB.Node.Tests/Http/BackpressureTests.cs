using System.Text;
using ReefDB.Node.Tests.Support;

namespace ReefDB.Node.Tests.Http;

/// <summary>
/// <c>max_pending_proposals</c> on a real node: while that many writes wait for commit and apply, another write is
/// refused at once with a retryable 503 (<c>overloaded</c>, <c>Retry-After</c>) instead of queueing, and nothing of it
/// is applied; once the queue drains, writes go through again.
/// </summary>
public sealed class BackpressureTests
{
    [Fact]
    public async Task A_write_beyond_max_pending_proposals_is_a_retryable_503_and_is_not_applied()
    {
        await using var cluster = await InProcessCluster.StartAsync(1, o => o with { MaxPendingProposals = 1 });
        using var http = cluster.Http(0);
        await InProcessCluster.WriteUntilAcceptedAsync(http, """{"sql": "CREATE TABLE big (id integer PRIMARY KEY)"}""");
        await InProcessCluster.WriteUntilAcceptedAsync(http, """{"sql": "CREATE TABLE small (id integer PRIMARY KEY)"}""");

        // A write that takes a while to apply holds the only pending slot; a write sent meanwhile finds it taken (or, if
        // the small write got there first, the heavy one is the refused one). A refused write must leave no trace.
        (int Status, string? RetryAfter, string Body)? refused = null;
        var accepted = 0;
        for (var round = 0; round < 20 && refused is null; round++)
        {
            var from = round * 200_000;
            var heavy = PostAsync(http, $$"""{"sql": "INSERT INTO big SELECT g FROM generate_series({{from + 1}}, {{from + 200_000}}) AS s(g)"}""");
            var id = round * 1000;
            while (!heavy.IsCompleted && refused is null)
            {
                id++;
                var answer = await PostAsync(http, $$"""{"sql": "INSERT INTO small VALUES ({{id}})"}""");
                if (await IsRefusedAsync(http, answer, $"SELECT count(*) FROM small WHERE id = {id}"))
                {
                    refused = answer;
                }
                else
                {
                    accepted++;
                }
            }

            var heavyAnswer = await heavy;
            if (await IsRefusedAsync(http, heavyAnswer, $"SELECT count(*) FROM big WHERE id > {from}"))
            {
                refused = heavyAnswer;
            }
        }

        Assert.True(refused is not null, $"no write was refused in 20 rounds ({accepted} small writes accepted while a heavy one was pending)");
        Assert.Equal("1", refused.Value.RetryAfter);
        Assert.Equal(200, (await PostAsync(http, """{"sql": "INSERT INTO small VALUES (-1)"}""")).Status);
    }

    /// <summary>True for a 503 <c>overloaded</c> whose write left nothing (<paramref name="count"/> finds 0 rows); false for a 200.</summary>
    private static async Task<bool> IsRefusedAsync(HttpClient http, (int Status, string? RetryAfter, string Body) answer, string count)
    {
        if (answer.Status == 200)
        {
            return false;
        }

        Assert.True(answer.Status == 503 && answer.Body.Contains("\"overloaded\"", StringComparison.Ordinal), $"{answer.Status} {answer.Body}");
        var (_, _, rows) = await PostAsync(http, TestNode.Json(new { sql = count }));
        Assert.Contains("[[0]]", rows, StringComparison.Ordinal);
        return true;
    }

    private static async Task<(int Status, string? RetryAfter, string Body)> PostAsync(HttpClient http, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/v1/sql", content, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
