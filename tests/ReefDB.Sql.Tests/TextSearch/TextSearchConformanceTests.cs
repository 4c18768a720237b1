using ReefDB.Sql.Tests.Execution;

namespace ReefDB.Sql.Tests.TextSearch;

/// <summary>
/// PostgreSQL 15's own text-search regression files (../shared/fts beside the repository), run through
/// the SQL engine: every record must give PostgreSQL's answer.
/// </summary>
public sealed class TextSearchConformanceTests
{
    public static TheoryData<string> Files => new() { "pg15_tstypes_core.test", "pg15_tsearch_core.test" };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_record_matches_PostgreSQL(string file)
    {
        var root = FtsRoot();
        if (root is null)
        {
            Assert.Skip("../shared/fts not found beside the repository");
        }

        var result = LogicTestRunner.Run(File.ReadAllText(Path.Combine(root, file)));
        Assert.True(result.Failed == 0,
            $"{result.Passed} passed, {result.Failed} failed:\n" + string.Join("\n", result.Failures));
        Assert.True(result.Passed > 150, $"only {result.Passed} records ran");
    }

    private static string? FtsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fts");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
