using ReefDB.Node.Gateway;
using ReefDB.Node.Tests.Support;
using ReefDB.Sql;
using ReefDB.Sql.Errors;
using ReefDB.Sql.Types;

namespace ReefDB.Node.Tests.Gateway;

/// <summary>The gateway parses a repeated SQL text once, and a cached statement still answers as a fresh one would.</summary>
public sealed class PreparedRequestCacheTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public void The_same_text_is_prepared_once_and_texts_that_do_not_parse_are_not_kept()
    {
        var cache = new PreparedRequestCache(new SqlEngine());
        var first = cache.GetOrPrepare("SELECT $1::int");
        Assert.Same(first, cache.GetOrPrepare("SELECT $1::int"));
        Assert.NotSame(first, cache.GetOrPrepare("select $1::int"));

        Assert.Throws<SqlException>(() => cache.GetOrPrepare("SELEC 1"));
        Assert.Throws<SqlException>(() => cache.GetOrPrepare("SELEC 1"));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void A_full_cache_starts_over_instead_of_growing()
    {
        var cache = new PreparedRequestCache(new SqlEngine(), capacity: 4);
        for (var i = 0; i < 10; i++)
        {
            cache.GetOrPrepare($"SELECT {i}");
            Assert.InRange(cache.Count, 1, 4);
        }

        var longText = "SELECT " + new string('1', PreparedRequestCache.MaxCachedTextLength);
        Assert.NotSame(cache.GetOrPrepare(longText), cache.GetOrPrepare(longText));
    }

    [Fact]
    public async Task A_repeated_query_sees_the_table_as_it_is_now_after_it_was_dropped_and_created_again()
    {
        var replica = new FakeReplica();
        var gateway = new SqlGateway(replica, new RefusingForwarder(), ReadConsistency.Linearizable, TimeProvider.System);

        await Run(gateway, "CREATE TABLE t (a INT PRIMARY KEY)");
        await Run(gateway, "INSERT INTO t VALUES (1)");
        var before = await Run(gateway, "SELECT * FROM t WHERE a = $1", SqlValue.FromInt64(1));
        Assert.Equal(["a"], before.Results[0].Columns.Select(c => c.Name));

        await Run(gateway, "DROP TABLE t");
        await Run(gateway, "CREATE TABLE t (a INT PRIMARY KEY, b TEXT)");
        await Run(gateway, "INSERT INTO t VALUES (1, 'x')");
        var after = await Run(gateway, "SELECT * FROM t WHERE a = $1", SqlValue.FromInt64(1));
        Assert.Equal(["a", "b"], after.Results[0].Columns.Select(c => c.Name));
        Assert.Equal("x", after.Results[0].Rows[0].Values[1].Text);
    }

    private static async Task<SqlResult> Run(SqlGateway gateway, string sql, params SqlValue[] parameters)
    {
        var result = await gateway.ExecuteAsync(new SqlRequest([new SqlStatementRequest(sql, parameters)], false, null, 0, null), LeaderPolicy.Forward, Ct);
        Assert.Null(result.Error);
        return result;
    }

    private sealed class RefusingForwarder : ILeaderForwarder
    {
        public Task<SqlResult> ForwardAsync(ulong leaderId, SqlRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("this node leads: nothing is forwarded");
    }
}
