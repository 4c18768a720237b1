namespace ReefDB.Sql.Tests.Fuzzing;

/// <summary>
/// Random SQL over random schemas and data (DESIGN.md §7, issue 2's executor fuzzing). Each case builds three
/// databases from one seed: ReefDB without secondary indexes, ReefDB with random indexes, and SQLite. Checks:
/// no statement may crash or hang ReefDB (only SQL errors with a SQLSTATE); plans with and without indexes
/// return the same rows; where SQLite means the same, it returns the same rows; and ternary logic
/// partitioning holds. Seeds are fixed; a failure prints the seed, the SQL and how to replay it.
/// </summary>
public sealed class ExecutorFuzzTests
{
    private const int QueriesPerCase = 12;
    private const int WritesPerCase = 10;

    [Fact]
    public void Random_queries_agree_with_and_without_indexes_and_with_sqlite() =>
        FuzzHarness.Run(nameof(Random_queries_agree_with_and_without_indexes_and_with_sqlite), 0, 100, (seed, trace) =>
        {
            var random = new Random(seed);
            using var databases = FuzzDatabases.Create(random, trace);
            var generator = new QueryGenerator(random, databases.Schema);
            for (var i = 0; i < QueriesPerCase; i++)
            {
                databases.CheckQuery(generator.Query());
            }
        });

    [Fact]
    public void The_generator_writes_aggregates_of_the_enclosing_query_inside_subqueries()
    {
        // Guards the shape issue 2 fixed: without it the comparison above would not cover it.
        var random = new Random(7);
        var generator = new QueryGenerator(random, FuzzSchema.Generate(random));
        for (var i = 0; i < 2000; i++)
        {
            generator.Query();
        }

        Assert.True(generator.OuterAggregatesWritten >= 10, $"only {generator.OuterAggregatesWritten} outer aggregates in 2000 queries");
    }

    [Fact]
    public void Ternary_logic_partitions_every_row_exactly_once() =>
        FuzzHarness.Run(nameof(Ternary_logic_partitions_every_row_exactly_once), 100_000, 80, (seed, trace) =>
        {
            var random = new Random(seed);
            using var databases = FuzzDatabases.Create(random, trace);
            var generator = new QueryGenerator(random, databases.Schema);
            for (var i = 0; i < QueriesPerCase; i++)
            {
                var (select, predicate) = generator.PartitionedQuery();
                databases.CheckPartitions(select, predicate);
            }
        });

    [Fact]
    public void Random_writes_leave_the_same_contents_as_sqlite() =>
        FuzzHarness.Run(nameof(Random_writes_leave_the_same_contents_as_sqlite), 200_000, 80, (seed, trace) =>
        {
            var random = new Random(seed);
            using var databases = FuzzDatabases.Create(random, trace);
            var generator = new QueryGenerator(random, databases.Schema);
            for (var i = 0; i < WritesPerCase; i++)
            {
                if (!databases.CheckWrite(generator.Write()))
                {
                    return;
                }

                databases.CheckQuery(generator.Query());
            }
        });
}
