using ReefDB.FullText.Tests.Support;

namespace ReefDB.FullText.Tests.Conformance;

/// <summary>
/// PostgreSQL 15's own text-search regression files (/work/shared/fts, copied under Data/pg15), run
/// through a minimal SQL interpreter over this library until the SQL engine can run them itself.
/// </summary>
public sealed class PostgresRegressionTests
{
    public static TheoryData<string> Files => new() { "pg15_tstypes_core.test", "pg15_tsearch_core.test" };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_record_matches_PostgreSQL(string file)
    {
        var (passed, failures) = LogicTestRunner.Run(Path.Combine(AppContext.BaseDirectory, "Data", "pg15", file));
        Assert.True(failures.Count == 0, $"{passed} passed, {failures.Count} failed:\n" + string.Join("\n", failures.Take(40)));
    }
}
