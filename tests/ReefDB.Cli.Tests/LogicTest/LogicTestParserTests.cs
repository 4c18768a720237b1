using ReefDB.Cli.LogicTest;

namespace ReefDB.Cli.Tests.LogicTest;

public sealed class LogicTestParserTests
{
    [Fact]
    public void Reads_every_record_kind_with_lines_and_conditions()
    {
        var records = LogicTestParser.Parse(
            "# header comment\r\n" +
            "statement ok\r\nCREATE TABLE t(a INTEGER)\r\n\r\n" +
            "skipif mysql # not compatible\nonlyif postgresql\nstatement error\nSELECT\n# dropped\n  1\n\n\n" +
            "query IT rowsort label-7\nSELECT a, b FROM t\n----\n1\n(empty)\n\n" +
            "query R\nSELECT 1.5\n\n" +
            "query I valuesort\nSELECT a FROM t\n----\n30 values hashing to 0123456789ABCDEF0123456789abcdef\n\n" +
            "hash-threshold 0\n\nhalt\n\nskipif sqlite\n\nfrobnicate now\n");

        Assert.Collection(
            records,
            r => Assert.Equal(new StatementRecord(2, [], false, "CREATE TABLE t(a INTEGER)"), r with { Conditions = [] }),
            r =>
            {
                var statement = Assert.IsType<StatementRecord>(r);
                Assert.Equal(7, statement.Line);
                Assert.True(statement.ExpectError);
                Assert.Equal("SELECT\n  1", statement.Sql);
                Assert.Equal([new RecordCondition(false, "mysql"), new RecordCondition(true, "postgresql")], statement.Conditions);
            },
            r =>
            {
                var query = Assert.IsType<QueryRecord>(r);
                Assert.Equal(("IT", SortMode.RowSort, "label-7", "SELECT a, b FROM t"), (query.Types, query.Sort, query.Label, query.Sql));
                Assert.Equal(["1", "(empty)"], query.ExpectedValues);
                Assert.Null(query.ExpectedHash);
            },
            r =>
            {
                var query = Assert.IsType<QueryRecord>(r);
                Assert.Equal((SortMode.NoSort, null, "SELECT 1.5"), (query.Sort, query.Label, query.Sql));
                Assert.Empty(query.ExpectedValues);
            },
            r => Assert.Equal(new HashedResult(30, "0123456789abcdef0123456789abcdef"), Assert.IsType<QueryRecord>(r).ExpectedHash),
            r => Assert.Equal(0, Assert.IsType<HashThresholdRecord>(r).Threshold),
            r => Assert.IsType<HaltRecord>(r),
            r => Assert.Equal("frobnicate now", Assert.IsType<UnknownRecord>(r).Text));
    }

    [Theory]
    [InlineData("skipif postgresql", false)]
    [InlineData("skipif mysql", true)]
    [InlineData("onlyif postgresql", true)]
    [InlineData("onlyif mysql", false)]
    [InlineData("skipif mysql\nskipif mssql\nonlyif postgresql", true)]
    [InlineData("onlyif postgresql\nskipif reefdb", false)]
    public void Conditions_stack_and_reefdb_answers_to_postgresql(string conditions, bool runs)
    {
        var record = LogicTestParser.Parse(conditions + "\nstatement ok\nSELECT 1\n").Single();
        Assert.Equal(runs, record.AppliesTo(LogicTestOptions.ReefDbNames));
    }
}
