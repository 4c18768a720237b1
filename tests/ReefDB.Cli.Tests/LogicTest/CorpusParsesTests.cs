using System.Text.RegularExpressions;
using ReefDB.Cli.LogicTest;
using ReefDB.Sql;
using ReefDB.Sql.Errors;

namespace ReefDB.Cli.Tests.LogicTest;

/// <summary>
/// Real input: every statement of SQLite's sqllogictest corpus kept in ../shared/logictest (relative to
/// the repository) that applies to ReefDB must parse. The records are read by the runner's own
/// <see cref="LogicTestParser"/>; records for other engines and <c>statement error</c> records are left out.
/// </summary>
public sealed partial class CorpusParsesTests
{
    // Bounds the test's time: the whole corpus holds about 250,000 statements.
    private const int MaxStatementsPerFile = 2500;

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        var root = CorpusRoot();
        if (root is null)
        {
            data.Add("(corpus not found)");
            return data;
        }

        foreach (var file in Directory.GetFiles(root, "*.test", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_applicable_statement_parses(string file)
    {
        var root = CorpusRoot();
        if (root is null)
        {
            Assert.Skip("sqllogictest corpus not found beside the repository");
        }

        var engine = new SqlEngine();
        var failures = new List<string>();
        var parsed = 0;
        foreach (var (line, sql) in ApplicableStatements(Path.Combine(root, file)).Take(MaxStatementsPerFile))
        {
            try
            {
                engine.Prepare(sql);
                parsed++;
            }
            catch (SqlException e) when (e.SqlState == SqlStates.SyntaxError)
            {
                failures.Add($"line {line}: {e.DisplayMessage}: {sql}");
            }
        }

        Assert.True(parsed > 0);
        Assert.Empty(failures.Take(20));
    }

    private static string? CorpusRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("REEFDB_LOGICTEST_DIR");
        if (fromEnvironment is not null && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        // The repository sits beside shared/ (../shared/logictest); a worktree may sit deeper.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "logictest");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The SQL of each <c>statement ok</c> and <c>query</c> record that applies to ReefDB.</summary>
    private static IEnumerable<(int Line, string Sql)> ApplicableStatements(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var record in LogicTestParser.Parse(reader))
        {
            var sql = record switch
            {
                StatementRecord { ExpectError: false } s => s.Sql,
                QueryRecord q => q.Sql,
                _ => null,
            };
            if (sql is not null && record.AppliesTo(LogicTestOptions.ReefDbNames) && !PostgresRejects().IsMatch(sql))
            {
                yield return (record.Line, sql);
            }
        }
    }

    // SQLite syntax the corpus does not mark but PostgreSQL rejects as well (so ReefDB does too):
    // "x NOT NULL" for "x IS NOT NULL", and the INDEXED BY/NOT INDEXED hints.
    [GeneratedRegex(@"NOT\s+INDEXED|INDEXED\s+BY|WHERE\s+\w+\s+NOT\s+NULL\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostgresRejects();
}
