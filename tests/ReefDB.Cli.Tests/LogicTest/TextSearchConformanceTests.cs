using ReefDB.Cli.LogicTest;
using ReefDB.Cli.Sessions;

namespace ReefDB.Cli.Tests.LogicTest;

/// <summary>
/// PostgreSQL 15's own text-search regression files (../shared/fts beside the repository), run by the
/// logictest runner on the real engine: every record must give PostgreSQL's answer.
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

        var report = new StringWriter();
        var options = new LogicTestOptions(Verbose: true, LogicTestOptions.DefaultTimeout, LogicTestOptions.ReefDbNames);
        var tally = new LogicTestRunner(new EngineSessionFactory(), report, options).RunFile(Path.Combine(root, file));
        Assert.True(tally.Failed == 0, $"{tally}:\n{report}");
        Assert.True(tally.Passed > 150, $"only {tally.Passed} records ran");
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
